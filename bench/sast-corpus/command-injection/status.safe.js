const { execSync } = require('child_process');
const out = execSync('git status --porcelain').toString();
console.log(out.split('\n').length);
