function poll(check) {
  setTimeout(() => check(), 1000);
  const parse = JSON.parse('{"a": 1}');
  return parse;
}
