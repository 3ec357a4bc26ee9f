async function ordersFor(db, customerId) {
  const sql = 'SELECT * FROM orders WHERE customer_id = ' + customerId;
  return db.query('SELECT id FROM orders WHERE customer_id = ' + customerId + ' ORDER BY id');
}
module.exports = ordersFor;
