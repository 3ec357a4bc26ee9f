async function report(db) {
  const table = 'orders';
  const rows = await db.query('SELECT COUNT(*) FROM orders');
  console.log(`SELECT from ${table} returned ${rows.length}`);
}
