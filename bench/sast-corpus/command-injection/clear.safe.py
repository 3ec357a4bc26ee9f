import os
import subprocess
def reset():
    os.system('clear')
    subprocess.run('make clean', shell=True, check=True)
