import logging
def timed(cursor, ms):
    logging.info(f'SELECT took {ms} ms')
    cursor.execute('SELECT 1')
