import os
def backup(path):
    os.system('rsync -a ' + path + ' /backup/')
