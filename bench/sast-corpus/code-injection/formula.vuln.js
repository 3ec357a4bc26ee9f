function compileFormula(source) {
  return new Function('row', 'return ' + source);
}
module.exports = compileFormula;
