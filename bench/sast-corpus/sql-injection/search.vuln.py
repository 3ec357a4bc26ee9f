def search(cursor, term):
    cursor.execute(f"SELECT id, title FROM posts WHERE title LIKE '%{term}%'")
    return cursor.fetchall()
