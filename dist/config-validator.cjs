"use strict";
var __getOwnPropNames = Object.getOwnPropertyNames;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};

// node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "node_modules/ajv/dist/runtime/ucs2length.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    function ucs2length(str) {
      const len = str.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports2.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "node_modules/fast-deep-equal/index.js"(exports2, module2) {
    "use strict";
    module2.exports = function equal(a, b) {
      if (a === b) return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        if (a.constructor !== b.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key = keys[i];
          if (!equal(a[key], b[key])) return false;
        }
        return true;
      }
      return a !== a && b !== b;
    };
  }
});

// node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "node_modules/ajv/dist/runtime/equal.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports2.default = equal;
  }
});

// validators.source.cjs
exports.config = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://wfo-gate.dev/schemas/config.schema.json", "title": "wfo-gate configuration", "description": 'wfo-gate.config.json, or the "wfo-gate" key of package.json. Defaults are written here and nowhere else.', "type": "object", "additionalProperties": false, "properties": { "$schema": { "type": "string", "description": "Path or URL of this schema, for editors." }, "onError": { "enum": ["fail", "warn"], "default": "fail", "description": "What a gate that could not decide does to the verdict: block (fail) or only warn." }, "timeoutMs": { "type": "integer", "minimum": 1e3, "default": 12e4, "description": "Default time limit for one gate, in milliseconds; a gate over it is an error." }, "maxFileSize": { "type": "integer", "minimum": 1, "default": 1048576, "description": "Files larger than this many bytes are skipped by content gates, and counted in the report." }, "exclude": { "type": "array", "items": { "type": "string" }, "default": [], "description": 'Globs of repo paths no gate looks at (e.g. "vendor/**").' }, "baseline": { "type": "string", "default": ".wfo-gate/baseline.json", "description": "The baseline file written by `wfo-gate baseline`: accepted findings' fingerprints." }, "cache": { "type": "boolean", "description": "Keep per-file results of the secrets and SAST gates in .wfo-gate/cache/, keyed by blob id and the rules and options, so a re-run scans only files whose content changed. Not written: on for whole-tree runs (`run`, `run --all`), off for `--files`; hooks and diff scopes never use it. false: never (also `run --no-cache`); true: for `--files` too." }, "gates": { "type": "object", "additionalProperties": { "$ref": "gates/custom.schema.json" }, "default": {}, "properties": { "secrets": { "$ref": "gates/secrets.schema.json", "default": {} }, "sast": { "$ref": "gates/sast.schema.json", "default": {} }, "audit": { "$ref": "gates/audit.schema.json", "default": {} }, "coverage": { "$ref": "gates/coverage.schema.json", "default": {} }, "env-ignore": { "$ref": "gates/env-ignore.schema.json", "default": {} }, "budget": { "$ref": "gates/budget.schema.json", "default": {} } }, "description": 'Per-gate options: see below. Any other id (lower case, digits, dashes) is a custom gate (`"type": "command"`).', "propertyNames": { "$ref": "#/$defs/gateIdPattern" } }, "hooks": { "type": "object", "additionalProperties": false, "default": {}, "properties": { "pre-commit": { "$ref": "#/$defs/gateList", "default": ["secrets", "env-ignore"], "description": "Gates `wfo-gate hook pre-commit` (and `run --staged`) runs on what is staged." }, "pre-push": { "$ref": "#/$defs/gateList", "default": ["secrets", "env-ignore"], "description": "Gates `wfo-gate hook pre-push` runs on the commits being pushed (secrets: every commit)." } }, "description": "Which gates each git hook runs." }, "ci": { "$ref": "#/$defs/gateList", "default": ["secrets", "sast", "audit", "coverage", "env-ignore", "budget"], "description": "Gates run by `wfo-gate run` and the GitHub Action when --gate is not given. Not written: the six built-in gates plus every custom gate under `gates`." } }, "$defs": { "gateId": { "anyOf": [{ "enum": ["secrets", "sast", "audit", "coverage", "env-ignore", "budget"] }, { "$ref": "#/$defs/gateIdPattern", "description": "A custom gate's id, defined under `gates`." }] }, "gateList": { "type": "array", "items": { "$ref": "#/$defs/gateId" }, "uniqueItems": true }, "severity": { "enum": ["critical", "high", "medium", "low", "info"] }, "failOn": { "enum": ["critical", "high", "medium", "low", "info", "none"] }, "gateCommon": { "type": "object", "properties": { "enabled": { "type": "boolean", "default": true, "description": "Whether this gate runs at all." }, "timeoutMs": { "type": "integer", "minimum": 1e3, "description": "Time limit for this gate (overrides the top-level timeoutMs)." }, "onError": { "enum": ["fail", "warn"], "description": "Overrides the top-level onError for this gate." }, "exclude": { "type": "array", "items": { "type": "string" }, "default": [], "description": "Globs of repo paths this gate ignores." }, "blockExisting": { "type": "boolean", "default": false, "description": "In diff-aware scopes, block on findings that were already there too (default: only new ones block)." } } }, "gateIdPattern": { "type": "string", "pattern": "^[a-z][a-z0-9-]{0,39}$", "description": "A gate id: lower case letters, digits and dashes, at most 40." }, "confidence": { "enum": ["high", "medium", "low"] }, "failOnWithConfidence": { "description": "A severity threshold, or a severity and a minimum confidence: findings below the confidence are reported and never block.", "oneOf": [{ "$ref": "#/$defs/failOn" }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "$ref": "#/$defs/failOn", "default": "low" }, "confidence": { "$ref": "#/$defs/confidence" } } }] } } };
var func1 = Object.prototype.hasOwnProperty;
var pattern4 = new RegExp("^[a-z][a-z0-9-]{0,39}$", "u");
var schema34 = { "type": "object", "properties": { "enabled": { "type": "boolean", "default": true, "description": "Whether this gate runs at all." }, "timeoutMs": { "type": "integer", "minimum": 1e3, "description": "Time limit for this gate (overrides the top-level timeoutMs)." }, "onError": { "enum": ["fail", "warn"], "description": "Overrides the top-level onError for this gate." }, "exclude": { "type": "array", "items": { "type": "string" }, "default": [], "description": "Globs of repo paths this gate ignores." }, "blockExisting": { "type": "boolean", "default": false, "description": "In diff-aware scopes, block on findings that were already there too (default: only new ones block)." } } };
var schema38 = { "enum": ["critical", "high", "medium", "low", "info", "none"] };
var func2 = require_ucs2length().default;
var pattern5 = new RegExp("^(/.*)?$", "u");
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.enabled === void 0) {
      data.enabled = true;
    }
    if (data.exclude === void 0) {
      data.exclude = [];
    }
    if (data.blockExisting === void 0) {
      data.blockExisting = false;
    }
    if (typeof data.enabled !== "boolean") {
      const err0 = { instancePath: instancePath + "/enabled", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.timeoutMs !== void 0) {
      let data1 = data.timeoutMs;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)))) {
        const err1 = { instancePath: instancePath + "/timeoutMs", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/timeoutMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      if (typeof data1 == "number") {
        if (data1 < 1e3 || isNaN(data1)) {
          const err2 = { instancePath: instancePath + "/timeoutMs", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/timeoutMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1e3 }, message: "must be >= 1000" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
    }
    if (data.onError !== void 0) {
      let data2 = data.onError;
      if (!(data2 === "fail" || data2 === "warn")) {
        const err3 = { instancePath: instancePath + "/onError", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/onError/enum", keyword: "enum", params: { allowedValues: schema34.properties.onError.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    let data3 = data.exclude;
    if (Array.isArray(data3)) {
      const len0 = data3.length;
      for (let i0 = 0; i0 < len0; i0++) {
        if (typeof data3[i0] !== "string") {
          const err4 = { instancePath: instancePath + "/exclude/" + i0, schemaPath: "../config.schema.json#/$defs/gateCommon/properties/exclude/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    } else {
      const err5 = { instancePath: instancePath + "/exclude", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (typeof data.blockExisting !== "boolean") {
      const err6 = { instancePath: instancePath + "/blockExisting", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/blockExisting/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
  } else {
    const err7 = { instancePath, schemaPath: "../config.schema.json#/$defs/gateCommon/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.shell === void 0) {
      data.shell = false;
    }
    if (data.env === void 0) {
      data.env = {};
    }
    if (data.base === void 0) {
      data.base = {};
    }
    if (data.failOn === void 0) {
      data.failOn = "high";
    }
    if (data.type === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.read === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "read" }, message: "must have required property 'read'" };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.type !== void 0) {
      if ("command" !== data.type) {
        const err10 = { instancePath: instancePath + "/type", schemaPath: "#/properties/type/const", keyword: "const", params: { allowedValue: "command" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.title !== void 0) {
      let data7 = data.title;
      if (typeof data7 === "string") {
        if (func2(data7) < 1) {
          const err11 = { instancePath: instancePath + "/title", schemaPath: "#/properties/title/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/title", schemaPath: "#/properties/title/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.run !== void 0) {
      let data8 = data.run;
      if (Array.isArray(data8)) {
        if (data8.length < 1) {
          const err13 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
        const len1 = data8.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (typeof data8[i1] !== "string") {
            const err14 = { instancePath: instancePath + "/run/" + i1, schemaPath: "#/properties/run/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
      } else {
        const err15 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (typeof data.shell !== "boolean") {
      const err16 = { instancePath: instancePath + "/shell", schemaPath: "#/properties/shell/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err16];
      } else {
        vErrors.push(err16);
      }
      errors++;
    }
    if (data.cwd !== void 0) {
      let data11 = data.cwd;
      if (typeof data11 === "string") {
        if (func2(data11) < 1) {
          const err17 = { instancePath: instancePath + "/cwd", schemaPath: "#/properties/cwd/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/cwd", schemaPath: "#/properties/cwd/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    let data12 = data.env;
    if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
      for (const key0 in data12) {
        if (typeof data12[key0] !== "string") {
          const err19 = { instancePath: instancePath + "/env/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/env/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      }
    } else {
      const err20 = { instancePath: instancePath + "/env", schemaPath: "#/properties/env/type", keyword: "type", params: { type: "object" }, message: "must be object" };
      if (vErrors === null) {
        vErrors = [err20];
      } else {
        vErrors.push(err20);
      }
      errors++;
    }
    if (data.read !== void 0) {
      let data14 = data.read;
      const _errs31 = errors;
      let valid8 = false;
      let passing0 = null;
      const _errs32 = errors;
      if ("exit-code" !== data14) {
        const err21 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/0/const", keyword: "const", params: { allowedValue: "exit-code" }, message: "must be equal to constant" };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
      var _valid0 = _errs32 === errors;
      if (_valid0) {
        valid8 = true;
        passing0 = 0;
      }
      const _errs33 = errors;
      if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
        if (data14.json === void 0) {
          const err22 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/1/required", keyword: "required", params: { missingProperty: "json" }, message: "must have required property 'json'" };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        for (const key1 in data14) {
          if (!(key1 === "json" || key1 === "file")) {
            const err23 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
        }
        if (data14.json !== void 0) {
          let data15 = data14.json;
          if (typeof data15 === "string") {
            if (!pattern5.test(data15)) {
              const err24 = { instancePath: instancePath + "/read/json", schemaPath: "#/properties/read/oneOf/1/properties/json/pattern", keyword: "pattern", params: { pattern: "^(/.*)?$" }, message: 'must match pattern "^(/.*)?$"' };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
          } else {
            const err25 = { instancePath: instancePath + "/read/json", schemaPath: "#/properties/read/oneOf/1/properties/json/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err25];
            } else {
              vErrors.push(err25);
            }
            errors++;
          }
        }
        if (data14.file !== void 0) {
          let data16 = data14.file;
          if (typeof data16 === "string") {
            if (func2(data16) < 1) {
              const err26 = { instancePath: instancePath + "/read/file", schemaPath: "#/$defs/file/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          } else {
            const err27 = { instancePath: instancePath + "/read/file", schemaPath: "#/$defs/file/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
      } else {
        const err28 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
      var _valid0 = _errs33 === errors;
      if (_valid0 && valid8) {
        valid8 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid8 = true;
          passing0 = 1;
          var props0 = true;
        }
        const _errs41 = errors;
        if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
          if (data14.regex === void 0) {
            const err29 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/2/required", keyword: "required", params: { missingProperty: "regex" }, message: "must have required property 'regex'" };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
          for (const key2 in data14) {
            if (!(key2 === "regex" || key2 === "file")) {
              const err30 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/2/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
              if (vErrors === null) {
                vErrors = [err30];
              } else {
                vErrors.push(err30);
              }
              errors++;
            }
          }
          if (data14.regex !== void 0) {
            let data17 = data14.regex;
            if (typeof data17 === "string") {
              if (func2(data17) < 1) {
                const err31 = { instancePath: instancePath + "/read/regex", schemaPath: "#/properties/read/oneOf/2/properties/regex/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            } else {
              const err32 = { instancePath: instancePath + "/read/regex", schemaPath: "#/properties/read/oneOf/2/properties/regex/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
          }
          if (data14.file !== void 0) {
            let data18 = data14.file;
            if (typeof data18 === "string") {
              if (func2(data18) < 1) {
                const err33 = { instancePath: instancePath + "/read/file", schemaPath: "#/$defs/file/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            } else {
              const err34 = { instancePath: instancePath + "/read/file", schemaPath: "#/$defs/file/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err34];
              } else {
                vErrors.push(err34);
              }
              errors++;
            }
          }
        } else {
          const err35 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/2/type", keyword: "type", params: { type: "object" }, message: "must be object" };
          if (vErrors === null) {
            vErrors = [err35];
          } else {
            vErrors.push(err35);
          }
          errors++;
        }
        var _valid0 = _errs41 === errors;
        if (_valid0 && valid8) {
          valid8 = false;
          passing0 = [passing0, 2];
        } else {
          if (_valid0) {
            valid8 = true;
            passing0 = 2;
            if (props0 !== true) {
              props0 = true;
            }
          }
          const _errs49 = errors;
          if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
            if (data14.count === void 0) {
              const err36 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/3/required", keyword: "required", params: { missingProperty: "count" }, message: "must have required property 'count'" };
              if (vErrors === null) {
                vErrors = [err36];
              } else {
                vErrors.push(err36);
              }
              errors++;
            }
            for (const key3 in data14) {
              if (!(key3 === "count" || key3 === "file")) {
                const err37 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/3/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                if (vErrors === null) {
                  vErrors = [err37];
                } else {
                  vErrors.push(err37);
                }
                errors++;
              }
            }
            if (data14.count !== void 0) {
              let data19 = data14.count;
              if (typeof data19 === "string") {
                if (func2(data19) < 1) {
                  const err38 = { instancePath: instancePath + "/read/count", schemaPath: "#/properties/read/oneOf/3/properties/count/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err38];
                  } else {
                    vErrors.push(err38);
                  }
                  errors++;
                }
              } else {
                const err39 = { instancePath: instancePath + "/read/count", schemaPath: "#/properties/read/oneOf/3/properties/count/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err39];
                } else {
                  vErrors.push(err39);
                }
                errors++;
              }
            }
            if (data14.file !== void 0) {
              let data20 = data14.file;
              if (typeof data20 === "string") {
                if (func2(data20) < 1) {
                  const err40 = { instancePath: instancePath + "/read/file", schemaPath: "#/$defs/file/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  if (vErrors === null) {
                    vErrors = [err40];
                  } else {
                    vErrors.push(err40);
                  }
                  errors++;
                }
              } else {
                const err41 = { instancePath: instancePath + "/read/file", schemaPath: "#/$defs/file/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
            }
          } else {
            const err42 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/3/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
          var _valid0 = _errs49 === errors;
          if (_valid0 && valid8) {
            valid8 = false;
            passing0 = [passing0, 3];
          } else {
            if (_valid0) {
              valid8 = true;
              passing0 = 3;
              if (props0 !== true) {
                props0 = true;
              }
            }
            const _errs57 = errors;
            if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
              if (data14.size === void 0) {
                const err43 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/4/required", keyword: "required", params: { missingProperty: "size" }, message: "must have required property 'size'" };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
              for (const key4 in data14) {
                if (!(key4 === "size")) {
                  const err44 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/4/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                  if (vErrors === null) {
                    vErrors = [err44];
                  } else {
                    vErrors.push(err44);
                  }
                  errors++;
                }
              }
              if (data14.size !== void 0) {
                let data21 = data14.size;
                if (typeof data21 === "string") {
                  if (func2(data21) < 1) {
                    const err45 = { instancePath: instancePath + "/read/size", schemaPath: "#/properties/read/oneOf/4/properties/size/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                    if (vErrors === null) {
                      vErrors = [err45];
                    } else {
                      vErrors.push(err45);
                    }
                    errors++;
                  }
                } else {
                  const err46 = { instancePath: instancePath + "/read/size", schemaPath: "#/properties/read/oneOf/4/properties/size/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  if (vErrors === null) {
                    vErrors = [err46];
                  } else {
                    vErrors.push(err46);
                  }
                  errors++;
                }
              }
            } else {
              const err47 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/4/type", keyword: "type", params: { type: "object" }, message: "must be object" };
              if (vErrors === null) {
                vErrors = [err47];
              } else {
                vErrors.push(err47);
              }
              errors++;
            }
            var _valid0 = _errs57 === errors;
            if (_valid0 && valid8) {
              valid8 = false;
              passing0 = [passing0, 4];
            } else {
              if (_valid0) {
                valid8 = true;
                passing0 = 4;
                if (props0 !== true) {
                  props0 = true;
                }
              }
              const _errs62 = errors;
              if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                if (data14.sarif === void 0) {
                  const err48 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/5/required", keyword: "required", params: { missingProperty: "sarif" }, message: "must have required property 'sarif'" };
                  if (vErrors === null) {
                    vErrors = [err48];
                  } else {
                    vErrors.push(err48);
                  }
                  errors++;
                }
                for (const key5 in data14) {
                  if (!(key5 === "sarif")) {
                    const err49 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/5/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" };
                    if (vErrors === null) {
                      vErrors = [err49];
                    } else {
                      vErrors.push(err49);
                    }
                    errors++;
                  }
                }
                if (data14.sarif !== void 0) {
                  let data22 = data14.sarif;
                  if (typeof data22 === "string") {
                    if (func2(data22) < 1) {
                      const err50 = { instancePath: instancePath + "/read/sarif", schemaPath: "#/properties/read/oneOf/5/properties/sarif/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      if (vErrors === null) {
                        vErrors = [err50];
                      } else {
                        vErrors.push(err50);
                      }
                      errors++;
                    }
                  } else {
                    const err51 = { instancePath: instancePath + "/read/sarif", schemaPath: "#/properties/read/oneOf/5/properties/sarif/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err51];
                    } else {
                      vErrors.push(err51);
                    }
                    errors++;
                  }
                }
              } else {
                const err52 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf/5/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                if (vErrors === null) {
                  vErrors = [err52];
                } else {
                  vErrors.push(err52);
                }
                errors++;
              }
              var _valid0 = _errs62 === errors;
              if (_valid0 && valid8) {
                valid8 = false;
                passing0 = [passing0, 5];
              } else {
                if (_valid0) {
                  valid8 = true;
                  passing0 = 5;
                  if (props0 !== true) {
                    props0 = true;
                  }
                }
              }
            }
          }
        }
      }
      if (!valid8) {
        const err53 = { instancePath: instancePath + "/read", schemaPath: "#/properties/read/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
        if (vErrors === null) {
          vErrors = [err53];
        } else {
          vErrors.push(err53);
        }
        errors++;
      } else {
        errors = _errs31;
        if (vErrors !== null) {
          if (_errs31) {
            vErrors.length = _errs31;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.unit !== void 0) {
      if (typeof data.unit !== "string") {
        const err54 = { instancePath: instancePath + "/unit", schemaPath: "#/properties/unit/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err54];
        } else {
          vErrors.push(err54);
        }
        errors++;
      }
    }
    if (data.min !== void 0) {
      if (!(typeof data.min == "number")) {
        const err55 = { instancePath: instancePath + "/min", schemaPath: "#/properties/min/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err55];
        } else {
          vErrors.push(err55);
        }
        errors++;
      }
    }
    if (data.max !== void 0) {
      if (!(typeof data.max == "number")) {
        const err56 = { instancePath: instancePath + "/max", schemaPath: "#/properties/max/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err56];
        } else {
          vErrors.push(err56);
        }
        errors++;
      }
    }
    if (data.maxIncrease !== void 0) {
      let data26 = data.maxIncrease;
      if (typeof data26 == "number") {
        if (data26 < 0 || isNaN(data26)) {
          const err57 = { instancePath: instancePath + "/maxIncrease", schemaPath: "#/properties/maxIncrease/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err57];
          } else {
            vErrors.push(err57);
          }
          errors++;
        }
      } else {
        const err58 = { instancePath: instancePath + "/maxIncrease", schemaPath: "#/properties/maxIncrease/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err58];
        } else {
          vErrors.push(err58);
        }
        errors++;
      }
    }
    if (data.maxIncreasePercent !== void 0) {
      let data27 = data.maxIncreasePercent;
      if (typeof data27 == "number") {
        if (data27 < 0 || isNaN(data27)) {
          const err59 = { instancePath: instancePath + "/maxIncreasePercent", schemaPath: "#/properties/maxIncreasePercent/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err59];
          } else {
            vErrors.push(err59);
          }
          errors++;
        }
      } else {
        const err60 = { instancePath: instancePath + "/maxIncreasePercent", schemaPath: "#/properties/maxIncreasePercent/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err60];
        } else {
          vErrors.push(err60);
        }
        errors++;
      }
    }
    let data28 = data.base;
    if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
      for (const key6 in data28) {
        if (!(key6 === "report" || key6 === "run")) {
          const err61 = { instancePath: instancePath + "/base", schemaPath: "#/properties/base/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties" };
          if (vErrors === null) {
            vErrors = [err61];
          } else {
            vErrors.push(err61);
          }
          errors++;
        }
      }
      if (data28.report !== void 0) {
        let data29 = data28.report;
        if (typeof data29 === "string") {
          if (func2(data29) < 1) {
            const err62 = { instancePath: instancePath + "/base/report", schemaPath: "#/properties/base/properties/report/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
        } else {
          const err63 = { instancePath: instancePath + "/base/report", schemaPath: "#/properties/base/properties/report/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err63];
          } else {
            vErrors.push(err63);
          }
          errors++;
        }
      }
      if (data28.run !== void 0) {
        if (typeof data28.run !== "boolean") {
          const err64 = { instancePath: instancePath + "/base/run", schemaPath: "#/properties/base/properties/run/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
          if (vErrors === null) {
            vErrors = [err64];
          } else {
            vErrors.push(err64);
          }
          errors++;
        }
      }
    } else {
      const err65 = { instancePath: instancePath + "/base", schemaPath: "#/properties/base/type", keyword: "type", params: { type: "object" }, message: "must be object" };
      if (vErrors === null) {
        vErrors = [err65];
      } else {
        vErrors.push(err65);
      }
      errors++;
    }
    let data31 = data.failOn;
    if (!(data31 === "critical" || data31 === "high" || data31 === "medium" || data31 === "low" || data31 === "info" || data31 === "none")) {
      const err66 = { instancePath: instancePath + "/failOn", schemaPath: "../config.schema.json#/$defs/failOn/enum", keyword: "enum", params: { allowedValues: schema38.enum }, message: "must be equal to one of the allowed values" };
      if (vErrors === null) {
        vErrors = [err66];
      } else {
        vErrors.push(err66);
      }
      errors++;
    }
    for (const key7 in data) {
      if (key7 !== "type" && key7 !== "title" && key7 !== "run" && key7 !== "shell" && key7 !== "cwd" && key7 !== "env" && key7 !== "read" && key7 !== "unit" && key7 !== "min" && key7 !== "max" && key7 !== "maxIncrease" && key7 !== "maxIncreasePercent" && key7 !== "base" && key7 !== "failOn" && key7 !== "enabled" && key7 !== "timeoutMs" && key7 !== "onError" && key7 !== "exclude" && key7 !== "blockExisting") {
        const err67 = { instancePath, schemaPath: "#/unevaluatedProperties", keyword: "unevaluatedProperties", params: { unevaluatedProperty: key7 }, message: "must NOT have unevaluated properties" };
        if (vErrors === null) {
          vErrors = [err67];
        } else {
          vErrors.push(err67);
        }
        errors++;
      }
    }
  } else {
    const err68 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err68];
    } else {
      vErrors.push(err68);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema45 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://wfo-gate.dev/schemas/secrets-rule.schema.json", "title": "secret rule", "description": "One secret-detection rule of the secrets gate: built-in rules and users' custom rules (gates.secrets.rules) share this shape. Every rule proves itself with at least two matching and two non-matching examples.", "type": "object", "additionalProperties": false, "required": ["id", "title", "severity", "family", "regex", "keywords", "examples"], "properties": { "id": { "type": "string", "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$", "description": "kebab-case, unique and stable: what users write in `wfo-gate-ignore:` markers and in `disable`." }, "title": { "type": "string", "minLength": 3, "description": 'What was found, e.g. "AWS access key ID".' }, "severity": { "enum": ["critical", "high", "medium", "low", "info"], "description": "How bad a leak of this secret is." }, "confidence": { "enum": ["high", "medium", "low"], "description": "How sure a match is before its place is considered. Default: medium for generic rules and rules that need a name bound to the value, high for formats with a fixed prefix or checksum. Matches in an example or documentation context are low whatever this says." }, "formatSource": { "enum": ["described", "specified"], "description": "described: written from a description (the provider's docs, a peer scanner's rule) and never checked against a real token. specified: the format is fixed by a public specification (PEM, JWT, age, URL userinfo)." }, "family": { "type": "string", "pattern": "^[a-z0-9-]+$", "description": "Group for reports and per-family accuracy figures, e.g. cloud, ai, payments, private-key, generic." }, "provider": { "type": "string", "description": 'Who issued the secret: the fix says "Rotate it at <provider>".' }, "rotateUrl": { "type": "string", "pattern": "^https://", "description": "Where to revoke or rotate it." }, "regex": { "type": "string", "minLength": 1, "description": "JavaScript regex source without slashes. The secret is the named group `secret`, else group 1, else the whole match. Use bounded quantifiers ({0,40}) around literal anchors: no nested unbounded repetition." }, "flags": { "type": "string", "pattern": "^(?!.*(.).*\\1)[imsu]*$", "description": "Regex flags besides g and d (which the engine adds): any of i, m, s, u." }, "keywords": { "type": "array", "items": { "type": "string", "minLength": 2, "pattern": "^[\\x20-\\x7e]+$" }, "uniqueItems": true, "description": "Case-insensitive ASCII literals; the rule runs on a file only when one of them occurs in it. Empty only for a cheap regex anchored on rare text." }, "entropy": { "type": "number", "minimum": 0, "maximum": 8, "description": "Minimum Shannon entropy (bits per character) of the captured secret; lower ones are dropped." }, "window": { "type": "integer", "minimum": 0, "description": "Characters searched on each side of a keyword occurrence. Default: as far as the regex can reach (unbounded repetition: the whole text); 0 always searches the whole text." }, "allow": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Case-insensitive regexes: a captured secret matching any of them is a placeholder, not a finding." }, "shape": { "enum": ["token", "jwt", "password"], "description": "What the value must look like beyond the regex. token: only encoding-alphabet characters (one or two stray ones make a damaged copy), no counting or keyboard run, interleaved count or repeated block, no base64 of plain words. jwt: a header and payload that decode to JSON objects, not jwt.io's sample claims. password: a field that holds nothing but a credential, no check at all (not even the time-based UUID one). None: no shape check." }, "valueShape": { "type": "string", "minLength": 1, "description": `Optional. A regex (the rule's flags) that every secret the rule reports matches by itself, with no look-behind or back-reference: the value a provider's name is bound to ("[a-f0-9]{64}"). Where no match of it lies within the regex's reach of a keyword, the engine need not run the regex there, so a rule whose keyword is common but whose value is not costs less. Every match example that states its secret must match it.` }, "ownsName": { "type": "boolean", "description": "The keywords are names the provider documents for a credential of an exact format: a value bound to one of them that does not fit this rule's format is not reported by the generic token rules either." }, "ownsPrefix": { "type": "boolean", "description": "The keywords are literal prefixes the provider puts on every token: a value that begins with one (4+ characters, 3+ letters and a separator) but does not fit this rule's format is not reported by the generic token rules either." }, "allowCased": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Like allow, matched case-sensitively: word shapes (camelCase, lower_words) that a random mixed-case token is not." }, "paths": { "type": "object", "additionalProperties": false, "description": "Path globs (repo-relative) the rule is limited to or never runs on.", "properties": { "include": { "type": "array", "items": { "type": "string" }, "description": "The rule runs only on these paths." }, "exclude": { "type": "array", "items": { "type": "string" }, "description": "The rule never runs on these paths." } } }, "examples": { "type": "object", "additionalProperties": false, "required": ["match", "noMatch"], "description": "Texts that must and must not produce a finding when this rule runs alone. Built-in rules also run every example through the whole catalogue: a match is reported by its own rule, and by others only if it names them (alsoFiredBy); a noMatch by none but those it names (firedBy).", "properties": { "path": { "type": "string", "description": "The file path the examples are scanned as, for rules with path filters (default example.txt)." }, "match": { "type": "array", "minItems": 2, "items": { "oneOf": [{ "type": "string", "description": "Must produce a finding whose secret occurs in it." }, { "type": "object", "additionalProperties": false, "required": ["text", "secret"], "properties": { "text": { "type": "string", "description": "The line or snippet scanned." }, "secret": { "oneOf": [{ "type": "string", "minLength": 1 }, { "type": "array", "minItems": 2, "items": { "type": "string", "minLength": 1 } }], "description": "Exactly what the rule must capture in text: the token alone, without its name, quotes or separators (several, in order, when text holds several)." }, "alsoFiredBy": { "type": "array", "items": { "type": "string" }, "uniqueItems": true, "description": "Other rules that rightly report in text too when the whole catalogue runs." } } }] }, "description": "Each must produce a finding: a string, whose secret occurs in it, or { text, secret } with the exact secret the rule captures." }, "noMatch": { "type": "array", "minItems": 2, "items": { "oneOf": [{ "type": "string", "description": "Must produce no finding." }, { "type": "object", "additionalProperties": false, "required": ["text", "firedBy"], "properties": { "text": { "type": "string", "description": "The line or snippet scanned; this rule must not report it." }, "firedBy": { "type": "array", "minItems": 1, "items": { "type": "string" }, "uniqueItems": true, "description": "The other rules that rightly report in text when the whole catalogue runs." } } }] }, "description": "Each must produce no finding from this rule: a string, or { text, firedBy } naming the other rules that rightly report it." } } } } };
var schema44 = { "enum": ["high", "medium", "low"] };
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate24.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (!(data === "critical" || data === "high" || data === "medium" || data === "low" || data === "info" || data === "none")) {
    const err0 = { instancePath, schemaPath: "#/$defs/failOn/enum", keyword: "enum", params: { allowedValues: schema38.enum }, message: "must be equal to one of the allowed values" };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs3 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "severity" || key0 === "confidence")) {
        const err1 = { instancePath, schemaPath: "#/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.severity !== void 0) {
      let data0 = data.severity;
      if (!(data0 === "critical" || data0 === "high" || data0 === "medium" || data0 === "low" || data0 === "info" || data0 === "none")) {
        const err2 = { instancePath: instancePath + "/severity", schemaPath: "#/$defs/failOn/enum", keyword: "enum", params: { allowedValues: schema38.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.confidence !== void 0) {
      let data1 = data.confidence;
      if (!(data1 === "high" || data1 === "medium" || data1 === "low")) {
        const err3 = { instancePath: instancePath + "/confidence", schemaPath: "#/$defs/confidence/enum", keyword: "enum", params: { allowedValues: schema44.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
  } else {
    const err4 = { instancePath, schemaPath: "#/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  var _valid0 = _errs3 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
      var props0 = true;
    }
  }
  if (!valid0) {
    const err5 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate24.errors = vErrors;
  evaluated0.props = props0;
  return errors === 0;
}
validate24.evaluated = { "dynamicProps": true, "dynamicItems": false };
var pattern6 = new RegExp("^[a-z0-9]+(?:-[a-z0-9]+)*$", "u");
var pattern8 = new RegExp("^[a-z0-9-]+$", "u");
var pattern9 = new RegExp("^https://", "u");
var pattern10 = new RegExp("^(?!.*(.).*\\1)[imsu]*$", "u");
var pattern11 = new RegExp("^[\\x20-\\x7e]+$", "u");
function validate23(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate23.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.enabled === void 0) {
      data.enabled = true;
    }
    if (data.exclude === void 0) {
      data.exclude = [];
    }
    if (data.blockExisting === void 0) {
      data.blockExisting = false;
    }
    if (typeof data.enabled !== "boolean") {
      const err0 = { instancePath: instancePath + "/enabled", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.timeoutMs !== void 0) {
      let data1 = data.timeoutMs;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)))) {
        const err1 = { instancePath: instancePath + "/timeoutMs", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/timeoutMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      if (typeof data1 == "number") {
        if (data1 < 1e3 || isNaN(data1)) {
          const err2 = { instancePath: instancePath + "/timeoutMs", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/timeoutMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1e3 }, message: "must be >= 1000" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
    }
    if (data.onError !== void 0) {
      let data2 = data.onError;
      if (!(data2 === "fail" || data2 === "warn")) {
        const err3 = { instancePath: instancePath + "/onError", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/onError/enum", keyword: "enum", params: { allowedValues: schema34.properties.onError.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    let data3 = data.exclude;
    if (Array.isArray(data3)) {
      const len0 = data3.length;
      for (let i0 = 0; i0 < len0; i0++) {
        if (typeof data3[i0] !== "string") {
          const err4 = { instancePath: instancePath + "/exclude/" + i0, schemaPath: "../config.schema.json#/$defs/gateCommon/properties/exclude/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    } else {
      const err5 = { instancePath: instancePath + "/exclude", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (typeof data.blockExisting !== "boolean") {
      const err6 = { instancePath: instancePath + "/blockExisting", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/blockExisting/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
  } else {
    const err7 = { instancePath, schemaPath: "../config.schema.json#/$defs/gateCommon/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.failOn === void 0) {
      data.failOn = { "severity": "low", "confidence": "medium" };
    }
    if (data.disable === void 0) {
      data.disable = [];
    }
    if (data.rules === void 0) {
      data.rules = [];
    }
    if (data.workers === void 0) {
      data.workers = 0;
    }
    if (!validate24(data.failOn, { instancePath: instancePath + "/failOn", parentData: data, parentDataProperty: "failOn", rootData, dynamicAnchors })) {
      vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
      errors = vErrors.length;
    }
    let data7 = data.disable;
    if (Array.isArray(data7)) {
      const len1 = data7.length;
      for (let i1 = 0; i1 < len1; i1++) {
        let data8 = data7[i1];
        if (typeof data8 === "string") {
          if (!pattern6.test(data8)) {
            const err8 = { instancePath: instancePath + "/disable/" + i1, schemaPath: "#/properties/disable/items/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" }, message: 'must match pattern "^[a-z0-9]+(?:-[a-z0-9]+)*$"' };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        } else {
          const err9 = { instancePath: instancePath + "/disable/" + i1, schemaPath: "#/properties/disable/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      }
      let i2 = data7.length;
      let j0;
      if (i2 > 1) {
        const indices0 = {};
        for (; i2--; ) {
          let item0 = data7[i2];
          if (typeof item0 !== "string") {
            continue;
          }
          if (typeof indices0[item0] == "number") {
            j0 = indices0[item0];
            const err10 = { instancePath: instancePath + "/disable", schemaPath: "#/properties/disable/uniqueItems", keyword: "uniqueItems", params: { i: i2, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i2 + " are identical)" };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
            break;
          }
          indices0[item0] = i2;
        }
      }
    } else {
      const err11 = { instancePath: instancePath + "/disable", schemaPath: "#/properties/disable/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    let data9 = data.rules;
    if (Array.isArray(data9)) {
      const len2 = data9.length;
      for (let i3 = 0; i3 < len2; i3++) {
        let data10 = data9[i3];
        if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
          if (data10.id === void 0) {
            const err12 = { instancePath: instancePath + "/rules/" + i3, schemaPath: "../secrets-rule.schema.json/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'" };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
          if (data10.title === void 0) {
            const err13 = { instancePath: instancePath + "/rules/" + i3, schemaPath: "../secrets-rule.schema.json/required", keyword: "required", params: { missingProperty: "title" }, message: "must have required property 'title'" };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
          if (data10.severity === void 0) {
            const err14 = { instancePath: instancePath + "/rules/" + i3, schemaPath: "../secrets-rule.schema.json/required", keyword: "required", params: { missingProperty: "severity" }, message: "must have required property 'severity'" };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
          if (data10.family === void 0) {
            const err15 = { instancePath: instancePath + "/rules/" + i3, schemaPath: "../secrets-rule.schema.json/required", keyword: "required", params: { missingProperty: "family" }, message: "must have required property 'family'" };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
          if (data10.regex === void 0) {
            const err16 = { instancePath: instancePath + "/rules/" + i3, schemaPath: "../secrets-rule.schema.json/required", keyword: "required", params: { missingProperty: "regex" }, message: "must have required property 'regex'" };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
          if (data10.keywords === void 0) {
            const err17 = { instancePath: instancePath + "/rules/" + i3, schemaPath: "../secrets-rule.schema.json/required", keyword: "required", params: { missingProperty: "keywords" }, message: "must have required property 'keywords'" };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
          if (data10.examples === void 0) {
            const err18 = { instancePath: instancePath + "/rules/" + i3, schemaPath: "../secrets-rule.schema.json/required", keyword: "required", params: { missingProperty: "examples" }, message: "must have required property 'examples'" };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
          for (const key0 in data10) {
            if (!func1.call(schema45.properties, key0)) {
              const err19 = { instancePath: instancePath + "/rules/" + i3, schemaPath: "../secrets-rule.schema.json/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
          }
          if (data10.id !== void 0) {
            let data11 = data10.id;
            if (typeof data11 === "string") {
              if (!pattern6.test(data11)) {
                const err20 = { instancePath: instancePath + "/rules/" + i3 + "/id", schemaPath: "../secrets-rule.schema.json/properties/id/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" }, message: 'must match pattern "^[a-z0-9]+(?:-[a-z0-9]+)*$"' };
                if (vErrors === null) {
                  vErrors = [err20];
                } else {
                  vErrors.push(err20);
                }
                errors++;
              }
            } else {
              const err21 = { instancePath: instancePath + "/rules/" + i3 + "/id", schemaPath: "../secrets-rule.schema.json/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
          }
          if (data10.title !== void 0) {
            let data12 = data10.title;
            if (typeof data12 === "string") {
              if (func2(data12) < 3) {
                const err22 = { instancePath: instancePath + "/rules/" + i3 + "/title", schemaPath: "../secrets-rule.schema.json/properties/title/minLength", keyword: "minLength", params: { limit: 3 }, message: "must NOT have fewer than 3 characters" };
                if (vErrors === null) {
                  vErrors = [err22];
                } else {
                  vErrors.push(err22);
                }
                errors++;
              }
            } else {
              const err23 = { instancePath: instancePath + "/rules/" + i3 + "/title", schemaPath: "../secrets-rule.schema.json/properties/title/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          }
          if (data10.severity !== void 0) {
            let data13 = data10.severity;
            if (!(data13 === "critical" || data13 === "high" || data13 === "medium" || data13 === "low" || data13 === "info")) {
              const err24 = { instancePath: instancePath + "/rules/" + i3 + "/severity", schemaPath: "../secrets-rule.schema.json/properties/severity/enum", keyword: "enum", params: { allowedValues: schema45.properties.severity.enum }, message: "must be equal to one of the allowed values" };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
          }
          if (data10.confidence !== void 0) {
            let data14 = data10.confidence;
            if (!(data14 === "high" || data14 === "medium" || data14 === "low")) {
              const err25 = { instancePath: instancePath + "/rules/" + i3 + "/confidence", schemaPath: "../secrets-rule.schema.json/properties/confidence/enum", keyword: "enum", params: { allowedValues: schema45.properties.confidence.enum }, message: "must be equal to one of the allowed values" };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
          }
          if (data10.formatSource !== void 0) {
            let data15 = data10.formatSource;
            if (!(data15 === "described" || data15 === "specified")) {
              const err26 = { instancePath: instancePath + "/rules/" + i3 + "/formatSource", schemaPath: "../secrets-rule.schema.json/properties/formatSource/enum", keyword: "enum", params: { allowedValues: schema45.properties.formatSource.enum }, message: "must be equal to one of the allowed values" };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          }
          if (data10.family !== void 0) {
            let data16 = data10.family;
            if (typeof data16 === "string") {
              if (!pattern8.test(data16)) {
                const err27 = { instancePath: instancePath + "/rules/" + i3 + "/family", schemaPath: "../secrets-rule.schema.json/properties/family/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9-]+$" }, message: 'must match pattern "^[a-z0-9-]+$"' };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            } else {
              const err28 = { instancePath: instancePath + "/rules/" + i3 + "/family", schemaPath: "../secrets-rule.schema.json/properties/family/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
          }
          if (data10.provider !== void 0) {
            if (typeof data10.provider !== "string") {
              const err29 = { instancePath: instancePath + "/rules/" + i3 + "/provider", schemaPath: "../secrets-rule.schema.json/properties/provider/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err29];
              } else {
                vErrors.push(err29);
              }
              errors++;
            }
          }
          if (data10.rotateUrl !== void 0) {
            let data18 = data10.rotateUrl;
            if (typeof data18 === "string") {
              if (!pattern9.test(data18)) {
                const err30 = { instancePath: instancePath + "/rules/" + i3 + "/rotateUrl", schemaPath: "../secrets-rule.schema.json/properties/rotateUrl/pattern", keyword: "pattern", params: { pattern: "^https://" }, message: 'must match pattern "^https://"' };
                if (vErrors === null) {
                  vErrors = [err30];
                } else {
                  vErrors.push(err30);
                }
                errors++;
              }
            } else {
              const err31 = { instancePath: instancePath + "/rules/" + i3 + "/rotateUrl", schemaPath: "../secrets-rule.schema.json/properties/rotateUrl/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          }
          if (data10.regex !== void 0) {
            let data19 = data10.regex;
            if (typeof data19 === "string") {
              if (func2(data19) < 1) {
                const err32 = { instancePath: instancePath + "/rules/" + i3 + "/regex", schemaPath: "../secrets-rule.schema.json/properties/regex/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors++;
              }
            } else {
              const err33 = { instancePath: instancePath + "/rules/" + i3 + "/regex", schemaPath: "../secrets-rule.schema.json/properties/regex/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors++;
            }
          }
          if (data10.flags !== void 0) {
            let data20 = data10.flags;
            if (typeof data20 === "string") {
              if (!pattern10.test(data20)) {
                const err34 = { instancePath: instancePath + "/rules/" + i3 + "/flags", schemaPath: "../secrets-rule.schema.json/properties/flags/pattern", keyword: "pattern", params: { pattern: "^(?!.*(.).*\\1)[imsu]*$" }, message: 'must match pattern "^(?!.*(.).*\\1)[imsu]*$"' };
                if (vErrors === null) {
                  vErrors = [err34];
                } else {
                  vErrors.push(err34);
                }
                errors++;
              }
            } else {
              const err35 = { instancePath: instancePath + "/rules/" + i3 + "/flags", schemaPath: "../secrets-rule.schema.json/properties/flags/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
          }
          if (data10.keywords !== void 0) {
            let data21 = data10.keywords;
            if (Array.isArray(data21)) {
              const len3 = data21.length;
              for (let i4 = 0; i4 < len3; i4++) {
                let data22 = data21[i4];
                if (typeof data22 === "string") {
                  if (func2(data22) < 2) {
                    const err36 = { instancePath: instancePath + "/rules/" + i3 + "/keywords/" + i4, schemaPath: "../secrets-rule.schema.json/properties/keywords/items/minLength", keyword: "minLength", params: { limit: 2 }, message: "must NOT have fewer than 2 characters" };
                    if (vErrors === null) {
                      vErrors = [err36];
                    } else {
                      vErrors.push(err36);
                    }
                    errors++;
                  }
                  if (!pattern11.test(data22)) {
                    const err37 = { instancePath: instancePath + "/rules/" + i3 + "/keywords/" + i4, schemaPath: "../secrets-rule.schema.json/properties/keywords/items/pattern", keyword: "pattern", params: { pattern: "^[\\x20-\\x7e]+$" }, message: 'must match pattern "^[\\x20-\\x7e]+$"' };
                    if (vErrors === null) {
                      vErrors = [err37];
                    } else {
                      vErrors.push(err37);
                    }
                    errors++;
                  }
                } else {
                  const err38 = { instancePath: instancePath + "/rules/" + i3 + "/keywords/" + i4, schemaPath: "../secrets-rule.schema.json/properties/keywords/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  if (vErrors === null) {
                    vErrors = [err38];
                  } else {
                    vErrors.push(err38);
                  }
                  errors++;
                }
              }
              let i5 = data21.length;
              let j1;
              if (i5 > 1) {
                const indices1 = {};
                for (; i5--; ) {
                  let item1 = data21[i5];
                  if (typeof item1 !== "string") {
                    continue;
                  }
                  if (typeof indices1[item1] == "number") {
                    j1 = indices1[item1];
                    const err39 = { instancePath: instancePath + "/rules/" + i3 + "/keywords", schemaPath: "../secrets-rule.schema.json/properties/keywords/uniqueItems", keyword: "uniqueItems", params: { i: i5, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i5 + " are identical)" };
                    if (vErrors === null) {
                      vErrors = [err39];
                    } else {
                      vErrors.push(err39);
                    }
                    errors++;
                    break;
                  }
                  indices1[item1] = i5;
                }
              }
            } else {
              const err40 = { instancePath: instancePath + "/rules/" + i3 + "/keywords", schemaPath: "../secrets-rule.schema.json/properties/keywords/type", keyword: "type", params: { type: "array" }, message: "must be array" };
              if (vErrors === null) {
                vErrors = [err40];
              } else {
                vErrors.push(err40);
              }
              errors++;
            }
          }
          if (data10.entropy !== void 0) {
            let data23 = data10.entropy;
            if (typeof data23 == "number") {
              if (data23 > 8 || isNaN(data23)) {
                const err41 = { instancePath: instancePath + "/rules/" + i3 + "/entropy", schemaPath: "../secrets-rule.schema.json/properties/entropy/maximum", keyword: "maximum", params: { comparison: "<=", limit: 8 }, message: "must be <= 8" };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
              if (data23 < 0 || isNaN(data23)) {
                const err42 = { instancePath: instancePath + "/rules/" + i3 + "/entropy", schemaPath: "../secrets-rule.schema.json/properties/entropy/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                  vErrors = [err42];
                } else {
                  vErrors.push(err42);
                }
                errors++;
              }
            } else {
              const err43 = { instancePath: instancePath + "/rules/" + i3 + "/entropy", schemaPath: "../secrets-rule.schema.json/properties/entropy/type", keyword: "type", params: { type: "number" }, message: "must be number" };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
          }
          if (data10.window !== void 0) {
            let data24 = data10.window;
            if (!(typeof data24 == "number" && (!(data24 % 1) && !isNaN(data24)))) {
              const err44 = { instancePath: instancePath + "/rules/" + i3 + "/window", schemaPath: "../secrets-rule.schema.json/properties/window/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
            if (typeof data24 == "number") {
              if (data24 < 0 || isNaN(data24)) {
                const err45 = { instancePath: instancePath + "/rules/" + i3 + "/window", schemaPath: "../secrets-rule.schema.json/properties/window/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                if (vErrors === null) {
                  vErrors = [err45];
                } else {
                  vErrors.push(err45);
                }
                errors++;
              }
            }
          }
          if (data10.allow !== void 0) {
            let data25 = data10.allow;
            if (Array.isArray(data25)) {
              const len4 = data25.length;
              for (let i6 = 0; i6 < len4; i6++) {
                let data26 = data25[i6];
                if (typeof data26 === "string") {
                  if (func2(data26) < 1) {
                    const err46 = { instancePath: instancePath + "/rules/" + i3 + "/allow/" + i6, schemaPath: "../secrets-rule.schema.json/properties/allow/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                    if (vErrors === null) {
                      vErrors = [err46];
                    } else {
                      vErrors.push(err46);
                    }
                    errors++;
                  }
                } else {
                  const err47 = { instancePath: instancePath + "/rules/" + i3 + "/allow/" + i6, schemaPath: "../secrets-rule.schema.json/properties/allow/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  if (vErrors === null) {
                    vErrors = [err47];
                  } else {
                    vErrors.push(err47);
                  }
                  errors++;
                }
              }
            } else {
              const err48 = { instancePath: instancePath + "/rules/" + i3 + "/allow", schemaPath: "../secrets-rule.schema.json/properties/allow/type", keyword: "type", params: { type: "array" }, message: "must be array" };
              if (vErrors === null) {
                vErrors = [err48];
              } else {
                vErrors.push(err48);
              }
              errors++;
            }
          }
          if (data10.shape !== void 0) {
            let data27 = data10.shape;
            if (!(data27 === "token" || data27 === "jwt" || data27 === "password")) {
              const err49 = { instancePath: instancePath + "/rules/" + i3 + "/shape", schemaPath: "../secrets-rule.schema.json/properties/shape/enum", keyword: "enum", params: { allowedValues: schema45.properties.shape.enum }, message: "must be equal to one of the allowed values" };
              if (vErrors === null) {
                vErrors = [err49];
              } else {
                vErrors.push(err49);
              }
              errors++;
            }
          }
          if (data10.valueShape !== void 0) {
            let data28 = data10.valueShape;
            if (typeof data28 === "string") {
              if (func2(data28) < 1) {
                const err50 = { instancePath: instancePath + "/rules/" + i3 + "/valueShape", schemaPath: "../secrets-rule.schema.json/properties/valueShape/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                if (vErrors === null) {
                  vErrors = [err50];
                } else {
                  vErrors.push(err50);
                }
                errors++;
              }
            } else {
              const err51 = { instancePath: instancePath + "/rules/" + i3 + "/valueShape", schemaPath: "../secrets-rule.schema.json/properties/valueShape/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err51];
              } else {
                vErrors.push(err51);
              }
              errors++;
            }
          }
          if (data10.ownsName !== void 0) {
            if (typeof data10.ownsName !== "boolean") {
              const err52 = { instancePath: instancePath + "/rules/" + i3 + "/ownsName", schemaPath: "../secrets-rule.schema.json/properties/ownsName/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
              if (vErrors === null) {
                vErrors = [err52];
              } else {
                vErrors.push(err52);
              }
              errors++;
            }
          }
          if (data10.ownsPrefix !== void 0) {
            if (typeof data10.ownsPrefix !== "boolean") {
              const err53 = { instancePath: instancePath + "/rules/" + i3 + "/ownsPrefix", schemaPath: "../secrets-rule.schema.json/properties/ownsPrefix/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
          }
          if (data10.allowCased !== void 0) {
            let data31 = data10.allowCased;
            if (Array.isArray(data31)) {
              const len5 = data31.length;
              for (let i7 = 0; i7 < len5; i7++) {
                let data32 = data31[i7];
                if (typeof data32 === "string") {
                  if (func2(data32) < 1) {
                    const err54 = { instancePath: instancePath + "/rules/" + i3 + "/allowCased/" + i7, schemaPath: "../secrets-rule.schema.json/properties/allowCased/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                    if (vErrors === null) {
                      vErrors = [err54];
                    } else {
                      vErrors.push(err54);
                    }
                    errors++;
                  }
                } else {
                  const err55 = { instancePath: instancePath + "/rules/" + i3 + "/allowCased/" + i7, schemaPath: "../secrets-rule.schema.json/properties/allowCased/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  if (vErrors === null) {
                    vErrors = [err55];
                  } else {
                    vErrors.push(err55);
                  }
                  errors++;
                }
              }
            } else {
              const err56 = { instancePath: instancePath + "/rules/" + i3 + "/allowCased", schemaPath: "../secrets-rule.schema.json/properties/allowCased/type", keyword: "type", params: { type: "array" }, message: "must be array" };
              if (vErrors === null) {
                vErrors = [err56];
              } else {
                vErrors.push(err56);
              }
              errors++;
            }
          }
          if (data10.paths !== void 0) {
            let data33 = data10.paths;
            if (data33 && typeof data33 == "object" && !Array.isArray(data33)) {
              for (const key1 in data33) {
                if (!(key1 === "include" || key1 === "exclude")) {
                  const err57 = { instancePath: instancePath + "/rules/" + i3 + "/paths", schemaPath: "../secrets-rule.schema.json/properties/paths/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
                  if (vErrors === null) {
                    vErrors = [err57];
                  } else {
                    vErrors.push(err57);
                  }
                  errors++;
                }
              }
              if (data33.include !== void 0) {
                let data34 = data33.include;
                if (Array.isArray(data34)) {
                  const len6 = data34.length;
                  for (let i8 = 0; i8 < len6; i8++) {
                    if (typeof data34[i8] !== "string") {
                      const err58 = { instancePath: instancePath + "/rules/" + i3 + "/paths/include/" + i8, schemaPath: "../secrets-rule.schema.json/properties/paths/properties/include/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                      if (vErrors === null) {
                        vErrors = [err58];
                      } else {
                        vErrors.push(err58);
                      }
                      errors++;
                    }
                  }
                } else {
                  const err59 = { instancePath: instancePath + "/rules/" + i3 + "/paths/include", schemaPath: "../secrets-rule.schema.json/properties/paths/properties/include/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                  if (vErrors === null) {
                    vErrors = [err59];
                  } else {
                    vErrors.push(err59);
                  }
                  errors++;
                }
              }
              if (data33.exclude !== void 0) {
                let data36 = data33.exclude;
                if (Array.isArray(data36)) {
                  const len7 = data36.length;
                  for (let i9 = 0; i9 < len7; i9++) {
                    if (typeof data36[i9] !== "string") {
                      const err60 = { instancePath: instancePath + "/rules/" + i3 + "/paths/exclude/" + i9, schemaPath: "../secrets-rule.schema.json/properties/paths/properties/exclude/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                      if (vErrors === null) {
                        vErrors = [err60];
                      } else {
                        vErrors.push(err60);
                      }
                      errors++;
                    }
                  }
                } else {
                  const err61 = { instancePath: instancePath + "/rules/" + i3 + "/paths/exclude", schemaPath: "../secrets-rule.schema.json/properties/paths/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                  if (vErrors === null) {
                    vErrors = [err61];
                  } else {
                    vErrors.push(err61);
                  }
                  errors++;
                }
              }
            } else {
              const err62 = { instancePath: instancePath + "/rules/" + i3 + "/paths", schemaPath: "../secrets-rule.schema.json/properties/paths/type", keyword: "type", params: { type: "object" }, message: "must be object" };
              if (vErrors === null) {
                vErrors = [err62];
              } else {
                vErrors.push(err62);
              }
              errors++;
            }
          }
          if (data10.examples !== void 0) {
            let data38 = data10.examples;
            if (data38 && typeof data38 == "object" && !Array.isArray(data38)) {
              if (data38.match === void 0) {
                const err63 = { instancePath: instancePath + "/rules/" + i3 + "/examples", schemaPath: "../secrets-rule.schema.json/properties/examples/required", keyword: "required", params: { missingProperty: "match" }, message: "must have required property 'match'" };
                if (vErrors === null) {
                  vErrors = [err63];
                } else {
                  vErrors.push(err63);
                }
                errors++;
              }
              if (data38.noMatch === void 0) {
                const err64 = { instancePath: instancePath + "/rules/" + i3 + "/examples", schemaPath: "../secrets-rule.schema.json/properties/examples/required", keyword: "required", params: { missingProperty: "noMatch" }, message: "must have required property 'noMatch'" };
                if (vErrors === null) {
                  vErrors = [err64];
                } else {
                  vErrors.push(err64);
                }
                errors++;
              }
              for (const key2 in data38) {
                if (!(key2 === "path" || key2 === "match" || key2 === "noMatch")) {
                  const err65 = { instancePath: instancePath + "/rules/" + i3 + "/examples", schemaPath: "../secrets-rule.schema.json/properties/examples/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                  if (vErrors === null) {
                    vErrors = [err65];
                  } else {
                    vErrors.push(err65);
                  }
                  errors++;
                }
              }
              if (data38.path !== void 0) {
                if (typeof data38.path !== "string") {
                  const err66 = { instancePath: instancePath + "/rules/" + i3 + "/examples/path", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  if (vErrors === null) {
                    vErrors = [err66];
                  } else {
                    vErrors.push(err66);
                  }
                  errors++;
                }
              }
              if (data38.match !== void 0) {
                let data40 = data38.match;
                if (Array.isArray(data40)) {
                  if (data40.length < 2) {
                    const err67 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/minItems", keyword: "minItems", params: { limit: 2 }, message: "must NOT have fewer than 2 items" };
                    if (vErrors === null) {
                      vErrors = [err67];
                    } else {
                      vErrors.push(err67);
                    }
                    errors++;
                  }
                  const len8 = data40.length;
                  for (let i10 = 0; i10 < len8; i10++) {
                    let data41 = data40[i10];
                    const _errs84 = errors;
                    let valid27 = false;
                    let passing0 = null;
                    const _errs85 = errors;
                    if (typeof data41 !== "string") {
                      const err68 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                      if (vErrors === null) {
                        vErrors = [err68];
                      } else {
                        vErrors.push(err68);
                      }
                      errors++;
                    }
                    var _valid0 = _errs85 === errors;
                    if (_valid0) {
                      valid27 = true;
                      passing0 = 0;
                    }
                    const _errs87 = errors;
                    if (data41 && typeof data41 == "object" && !Array.isArray(data41)) {
                      if (data41.text === void 0) {
                        const err69 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/required", keyword: "required", params: { missingProperty: "text" }, message: "must have required property 'text'" };
                        if (vErrors === null) {
                          vErrors = [err69];
                        } else {
                          vErrors.push(err69);
                        }
                        errors++;
                      }
                      if (data41.secret === void 0) {
                        const err70 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/required", keyword: "required", params: { missingProperty: "secret" }, message: "must have required property 'secret'" };
                        if (vErrors === null) {
                          vErrors = [err70];
                        } else {
                          vErrors.push(err70);
                        }
                        errors++;
                      }
                      for (const key3 in data41) {
                        if (!(key3 === "text" || key3 === "secret" || key3 === "alsoFiredBy")) {
                          const err71 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
                          if (vErrors === null) {
                            vErrors = [err71];
                          } else {
                            vErrors.push(err71);
                          }
                          errors++;
                        }
                      }
                      if (data41.text !== void 0) {
                        if (typeof data41.text !== "string") {
                          const err72 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10 + "/text", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/properties/text/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err72];
                          } else {
                            vErrors.push(err72);
                          }
                          errors++;
                        }
                      }
                      if (data41.secret !== void 0) {
                        let data43 = data41.secret;
                        const _errs93 = errors;
                        let valid29 = false;
                        let passing1 = null;
                        const _errs94 = errors;
                        if (typeof data43 === "string") {
                          if (func2(data43) < 1) {
                            const err73 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10 + "/secret", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/properties/secret/oneOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                            if (vErrors === null) {
                              vErrors = [err73];
                            } else {
                              vErrors.push(err73);
                            }
                            errors++;
                          }
                        } else {
                          const err74 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10 + "/secret", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/properties/secret/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err74];
                          } else {
                            vErrors.push(err74);
                          }
                          errors++;
                        }
                        var _valid1 = _errs94 === errors;
                        if (_valid1) {
                          valid29 = true;
                          passing1 = 0;
                        }
                        const _errs96 = errors;
                        if (Array.isArray(data43)) {
                          if (data43.length < 2) {
                            const err75 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10 + "/secret", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/properties/secret/oneOf/1/minItems", keyword: "minItems", params: { limit: 2 }, message: "must NOT have fewer than 2 items" };
                            if (vErrors === null) {
                              vErrors = [err75];
                            } else {
                              vErrors.push(err75);
                            }
                            errors++;
                          }
                          const len9 = data43.length;
                          for (let i11 = 0; i11 < len9; i11++) {
                            let data44 = data43[i11];
                            if (typeof data44 === "string") {
                              if (func2(data44) < 1) {
                                const err76 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10 + "/secret/" + i11, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/properties/secret/oneOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                if (vErrors === null) {
                                  vErrors = [err76];
                                } else {
                                  vErrors.push(err76);
                                }
                                errors++;
                              }
                            } else {
                              const err77 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10 + "/secret/" + i11, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/properties/secret/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                              if (vErrors === null) {
                                vErrors = [err77];
                              } else {
                                vErrors.push(err77);
                              }
                              errors++;
                            }
                          }
                        } else {
                          const err78 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10 + "/secret", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/properties/secret/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                          if (vErrors === null) {
                            vErrors = [err78];
                          } else {
                            vErrors.push(err78);
                          }
                          errors++;
                        }
                        var _valid1 = _errs96 === errors;
                        if (_valid1 && valid29) {
                          valid29 = false;
                          passing1 = [passing1, 1];
                        } else {
                          if (_valid1) {
                            valid29 = true;
                            passing1 = 1;
                          }
                        }
                        if (!valid29) {
                          const err79 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10 + "/secret", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/properties/secret/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf" };
                          if (vErrors === null) {
                            vErrors = [err79];
                          } else {
                            vErrors.push(err79);
                          }
                          errors++;
                        } else {
                          errors = _errs93;
                          if (vErrors !== null) {
                            if (_errs93) {
                              vErrors.length = _errs93;
                            } else {
                              vErrors = null;
                            }
                          }
                        }
                      }
                      if (data41.alsoFiredBy !== void 0) {
                        let data45 = data41.alsoFiredBy;
                        if (Array.isArray(data45)) {
                          const len10 = data45.length;
                          for (let i12 = 0; i12 < len10; i12++) {
                            if (typeof data45[i12] !== "string") {
                              const err80 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10 + "/alsoFiredBy/" + i12, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/properties/alsoFiredBy/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                              if (vErrors === null) {
                                vErrors = [err80];
                              } else {
                                vErrors.push(err80);
                              }
                              errors++;
                            }
                          }
                          let i13 = data45.length;
                          let j2;
                          if (i13 > 1) {
                            const indices2 = {};
                            for (; i13--; ) {
                              let item2 = data45[i13];
                              if (typeof item2 !== "string") {
                                continue;
                              }
                              if (typeof indices2[item2] == "number") {
                                j2 = indices2[item2];
                                const err81 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10 + "/alsoFiredBy", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/properties/alsoFiredBy/uniqueItems", keyword: "uniqueItems", params: { i: i13, j: j2 }, message: "must NOT have duplicate items (items ## " + j2 + " and " + i13 + " are identical)" };
                                if (vErrors === null) {
                                  vErrors = [err81];
                                } else {
                                  vErrors.push(err81);
                                }
                                errors++;
                                break;
                              }
                              indices2[item2] = i13;
                            }
                          }
                        } else {
                          const err82 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10 + "/alsoFiredBy", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/properties/alsoFiredBy/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                          if (vErrors === null) {
                            vErrors = [err82];
                          } else {
                            vErrors.push(err82);
                          }
                          errors++;
                        }
                      }
                    } else {
                      const err83 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                      if (vErrors === null) {
                        vErrors = [err83];
                      } else {
                        vErrors.push(err83);
                      }
                      errors++;
                    }
                    var _valid0 = _errs87 === errors;
                    if (_valid0 && valid27) {
                      valid27 = false;
                      passing0 = [passing0, 1];
                    } else {
                      if (_valid0) {
                        valid27 = true;
                        passing0 = 1;
                      }
                    }
                    if (!valid27) {
                      const err84 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match/" + i10, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/items/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
                      if (vErrors === null) {
                        vErrors = [err84];
                      } else {
                        vErrors.push(err84);
                      }
                      errors++;
                    } else {
                      errors = _errs84;
                      if (vErrors !== null) {
                        if (_errs84) {
                          vErrors.length = _errs84;
                        } else {
                          vErrors = null;
                        }
                      }
                    }
                  }
                } else {
                  const err85 = { instancePath: instancePath + "/rules/" + i3 + "/examples/match", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/match/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                  if (vErrors === null) {
                    vErrors = [err85];
                  } else {
                    vErrors.push(err85);
                  }
                  errors++;
                }
              }
              if (data38.noMatch !== void 0) {
                let data47 = data38.noMatch;
                if (Array.isArray(data47)) {
                  if (data47.length < 2) {
                    const err86 = { instancePath: instancePath + "/rules/" + i3 + "/examples/noMatch", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/noMatch/minItems", keyword: "minItems", params: { limit: 2 }, message: "must NOT have fewer than 2 items" };
                    if (vErrors === null) {
                      vErrors = [err86];
                    } else {
                      vErrors.push(err86);
                    }
                    errors++;
                  }
                  const len11 = data47.length;
                  for (let i14 = 0; i14 < len11; i14++) {
                    let data48 = data47[i14];
                    const _errs107 = errors;
                    let valid37 = false;
                    let passing2 = null;
                    const _errs108 = errors;
                    if (typeof data48 !== "string") {
                      const err87 = { instancePath: instancePath + "/rules/" + i3 + "/examples/noMatch/" + i14, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/noMatch/items/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                      if (vErrors === null) {
                        vErrors = [err87];
                      } else {
                        vErrors.push(err87);
                      }
                      errors++;
                    }
                    var _valid2 = _errs108 === errors;
                    if (_valid2) {
                      valid37 = true;
                      passing2 = 0;
                    }
                    const _errs110 = errors;
                    if (data48 && typeof data48 == "object" && !Array.isArray(data48)) {
                      if (data48.text === void 0) {
                        const err88 = { instancePath: instancePath + "/rules/" + i3 + "/examples/noMatch/" + i14, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/noMatch/items/oneOf/1/required", keyword: "required", params: { missingProperty: "text" }, message: "must have required property 'text'" };
                        if (vErrors === null) {
                          vErrors = [err88];
                        } else {
                          vErrors.push(err88);
                        }
                        errors++;
                      }
                      if (data48.firedBy === void 0) {
                        const err89 = { instancePath: instancePath + "/rules/" + i3 + "/examples/noMatch/" + i14, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/noMatch/items/oneOf/1/required", keyword: "required", params: { missingProperty: "firedBy" }, message: "must have required property 'firedBy'" };
                        if (vErrors === null) {
                          vErrors = [err89];
                        } else {
                          vErrors.push(err89);
                        }
                        errors++;
                      }
                      for (const key4 in data48) {
                        if (!(key4 === "text" || key4 === "firedBy")) {
                          const err90 = { instancePath: instancePath + "/rules/" + i3 + "/examples/noMatch/" + i14, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/noMatch/items/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
                          if (vErrors === null) {
                            vErrors = [err90];
                          } else {
                            vErrors.push(err90);
                          }
                          errors++;
                        }
                      }
                      if (data48.text !== void 0) {
                        if (typeof data48.text !== "string") {
                          const err91 = { instancePath: instancePath + "/rules/" + i3 + "/examples/noMatch/" + i14 + "/text", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/noMatch/items/oneOf/1/properties/text/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          if (vErrors === null) {
                            vErrors = [err91];
                          } else {
                            vErrors.push(err91);
                          }
                          errors++;
                        }
                      }
                      if (data48.firedBy !== void 0) {
                        let data50 = data48.firedBy;
                        if (Array.isArray(data50)) {
                          if (data50.length < 1) {
                            const err92 = { instancePath: instancePath + "/rules/" + i3 + "/examples/noMatch/" + i14 + "/firedBy", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/noMatch/items/oneOf/1/properties/firedBy/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                            if (vErrors === null) {
                              vErrors = [err92];
                            } else {
                              vErrors.push(err92);
                            }
                            errors++;
                          }
                          const len12 = data50.length;
                          for (let i15 = 0; i15 < len12; i15++) {
                            if (typeof data50[i15] !== "string") {
                              const err93 = { instancePath: instancePath + "/rules/" + i3 + "/examples/noMatch/" + i14 + "/firedBy/" + i15, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/noMatch/items/oneOf/1/properties/firedBy/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                              if (vErrors === null) {
                                vErrors = [err93];
                              } else {
                                vErrors.push(err93);
                              }
                              errors++;
                            }
                          }
                          let i16 = data50.length;
                          let j3;
                          if (i16 > 1) {
                            const indices3 = {};
                            for (; i16--; ) {
                              let item3 = data50[i16];
                              if (typeof item3 !== "string") {
                                continue;
                              }
                              if (typeof indices3[item3] == "number") {
                                j3 = indices3[item3];
                                const err94 = { instancePath: instancePath + "/rules/" + i3 + "/examples/noMatch/" + i14 + "/firedBy", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/noMatch/items/oneOf/1/properties/firedBy/uniqueItems", keyword: "uniqueItems", params: { i: i16, j: j3 }, message: "must NOT have duplicate items (items ## " + j3 + " and " + i16 + " are identical)" };
                                if (vErrors === null) {
                                  vErrors = [err94];
                                } else {
                                  vErrors.push(err94);
                                }
                                errors++;
                                break;
                              }
                              indices3[item3] = i16;
                            }
                          }
                        } else {
                          const err95 = { instancePath: instancePath + "/rules/" + i3 + "/examples/noMatch/" + i14 + "/firedBy", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/noMatch/items/oneOf/1/properties/firedBy/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                          if (vErrors === null) {
                            vErrors = [err95];
                          } else {
                            vErrors.push(err95);
                          }
                          errors++;
                        }
                      }
                    } else {
                      const err96 = { instancePath: instancePath + "/rules/" + i3 + "/examples/noMatch/" + i14, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/noMatch/items/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                      if (vErrors === null) {
                        vErrors = [err96];
                      } else {
                        vErrors.push(err96);
                      }
                      errors++;
                    }
                    var _valid2 = _errs110 === errors;
                    if (_valid2 && valid37) {
                      valid37 = false;
                      passing2 = [passing2, 1];
                    } else {
                      if (_valid2) {
                        valid37 = true;
                        passing2 = 1;
                      }
                    }
                    if (!valid37) {
                      const err97 = { instancePath: instancePath + "/rules/" + i3 + "/examples/noMatch/" + i14, schemaPath: "../secrets-rule.schema.json/properties/examples/properties/noMatch/items/oneOf", keyword: "oneOf", params: { passingSchemas: passing2 }, message: "must match exactly one schema in oneOf" };
                      if (vErrors === null) {
                        vErrors = [err97];
                      } else {
                        vErrors.push(err97);
                      }
                      errors++;
                    } else {
                      errors = _errs107;
                      if (vErrors !== null) {
                        if (_errs107) {
                          vErrors.length = _errs107;
                        } else {
                          vErrors = null;
                        }
                      }
                    }
                  }
                } else {
                  const err98 = { instancePath: instancePath + "/rules/" + i3 + "/examples/noMatch", schemaPath: "../secrets-rule.schema.json/properties/examples/properties/noMatch/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                  if (vErrors === null) {
                    vErrors = [err98];
                  } else {
                    vErrors.push(err98);
                  }
                  errors++;
                }
              }
            } else {
              const err99 = { instancePath: instancePath + "/rules/" + i3 + "/examples", schemaPath: "../secrets-rule.schema.json/properties/examples/type", keyword: "type", params: { type: "object" }, message: "must be object" };
              if (vErrors === null) {
                vErrors = [err99];
              } else {
                vErrors.push(err99);
              }
              errors++;
            }
          }
        } else {
          const err100 = { instancePath: instancePath + "/rules/" + i3, schemaPath: "../secrets-rule.schema.json/type", keyword: "type", params: { type: "object" }, message: "must be object" };
          if (vErrors === null) {
            vErrors = [err100];
          } else {
            vErrors.push(err100);
          }
          errors++;
        }
      }
    } else {
      const err101 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err101];
      } else {
        vErrors.push(err101);
      }
      errors++;
    }
    let data52 = data.workers;
    if (!(typeof data52 == "number" && (!(data52 % 1) && !isNaN(data52)))) {
      const err102 = { instancePath: instancePath + "/workers", schemaPath: "#/properties/workers/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
      if (vErrors === null) {
        vErrors = [err102];
      } else {
        vErrors.push(err102);
      }
      errors++;
    }
    if (typeof data52 == "number") {
      if (data52 > 64 || isNaN(data52)) {
        const err103 = { instancePath: instancePath + "/workers", schemaPath: "#/properties/workers/maximum", keyword: "maximum", params: { comparison: "<=", limit: 64 }, message: "must be <= 64" };
        if (vErrors === null) {
          vErrors = [err103];
        } else {
          vErrors.push(err103);
        }
        errors++;
      }
      if (data52 < 0 || isNaN(data52)) {
        const err104 = { instancePath: instancePath + "/workers", schemaPath: "#/properties/workers/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
        if (vErrors === null) {
          vErrors = [err104];
        } else {
          vErrors.push(err104);
        }
        errors++;
      }
    }
    for (const key5 in data) {
      if (key5 !== "failOn" && key5 !== "disable" && key5 !== "rules" && key5 !== "workers" && key5 !== "enabled" && key5 !== "timeoutMs" && key5 !== "onError" && key5 !== "exclude" && key5 !== "blockExisting") {
        const err105 = { instancePath, schemaPath: "#/unevaluatedProperties", keyword: "unevaluatedProperties", params: { unevaluatedProperty: key5 }, message: "must NOT have unevaluated properties" };
        if (vErrors === null) {
          vErrors = [err105];
        } else {
          vErrors.push(err105);
        }
        errors++;
      }
    }
  } else {
    const err106 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err106];
    } else {
      vErrors.push(err106);
    }
    errors++;
  }
  validate23.errors = vErrors;
  return errors === 0;
}
validate23.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema46 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://wfo-gate.dev/schemas/gates/sast.schema.json", "title": "sast gate", "description": "Static analysis of JavaScript, TypeScript and Python with built-in ast-grep rules, optionally merged with bandit and semgrep.", "type": "object", "$ref": "../config.schema.json#/$defs/gateCommon", "unevaluatedProperties": false, "properties": { "failOn": { "$ref": "../config.schema.json#/$defs/failOn", "default": "high", "description": "Findings at or above this severity block (in diff-aware scopes: new ones only, unless blockExisting)." }, "languages": { "type": "array", "items": { "enum": ["javascript", "typescript", "tsx", "python"] }, "uniqueItems": true, "default": ["javascript", "typescript", "tsx", "python"], "description": "Which grammars to check: .js/.jsx/.mjs/.cjs, .ts/.mts/.cts, .tsx, .py." }, "rules": { "type": "object", "default": {}, "description": 'Per rule id (or class, e.g. "insecure-crypto", or external id such as "bandit-B101"): turn it on/off or change its severity.', "additionalProperties": { "type": "object", "additionalProperties": false, "properties": { "enabled": { "type": "boolean", "description": "false turns the rule (or class) off." }, "severity": { "$ref": "../config.schema.json#/$defs/severity", "description": "The severity its findings get instead of the rule's own." } } } }, "disable": { "type": "array", "items": { "type": "string" }, "uniqueItems": true, "default": [], "description": "Rule ids or classes that do not run (shorthand for rules.<id>.enabled = false)." }, "severity": { "type": "object", "additionalProperties": { "$ref": "../config.schema.json#/$defs/severity" }, "default": {}, "description": "Rule id or class -> severity (shorthand for rules.<id>.severity)." }, "bandit": { "type": "object", "additionalProperties": false, "default": {}, "description": "Bandit on the Python files in scope, merged with the built-in rules.", "properties": { "enabled": { "enum": [true, false, "auto"], "default": "auto", "description": '"auto": run bandit when it is on PATH; true: require it (a missing bandit is an error); false: never run it.' } } }, "semgrep": { "type": "object", "additionalProperties": false, "default": {}, "description": "semgrep, run only when a config is given; its results are merged with the built-in rules.", "properties": { "config": { "description": "What `semgrep scan --config` gets: a rules file or directory, or a registry name. A list runs them all. A missing semgrep is then an error.", "oneOf": [{ "type": "string", "minLength": 1 }, { "type": "array", "items": { "type": "string", "minLength": 1 }, "minItems": 1 }] } } } } };
var schema49 = { "enum": ["critical", "high", "medium", "low", "info"] };
var func0 = require_equal().default;
function validate27(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate27.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.enabled === void 0) {
      data.enabled = true;
    }
    if (data.exclude === void 0) {
      data.exclude = [];
    }
    if (data.blockExisting === void 0) {
      data.blockExisting = false;
    }
    if (typeof data.enabled !== "boolean") {
      const err0 = { instancePath: instancePath + "/enabled", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.timeoutMs !== void 0) {
      let data1 = data.timeoutMs;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)))) {
        const err1 = { instancePath: instancePath + "/timeoutMs", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/timeoutMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      if (typeof data1 == "number") {
        if (data1 < 1e3 || isNaN(data1)) {
          const err2 = { instancePath: instancePath + "/timeoutMs", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/timeoutMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1e3 }, message: "must be >= 1000" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
    }
    if (data.onError !== void 0) {
      let data2 = data.onError;
      if (!(data2 === "fail" || data2 === "warn")) {
        const err3 = { instancePath: instancePath + "/onError", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/onError/enum", keyword: "enum", params: { allowedValues: schema34.properties.onError.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    let data3 = data.exclude;
    if (Array.isArray(data3)) {
      const len0 = data3.length;
      for (let i0 = 0; i0 < len0; i0++) {
        if (typeof data3[i0] !== "string") {
          const err4 = { instancePath: instancePath + "/exclude/" + i0, schemaPath: "../config.schema.json#/$defs/gateCommon/properties/exclude/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    } else {
      const err5 = { instancePath: instancePath + "/exclude", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (typeof data.blockExisting !== "boolean") {
      const err6 = { instancePath: instancePath + "/blockExisting", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/blockExisting/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
  } else {
    const err7 = { instancePath, schemaPath: "../config.schema.json#/$defs/gateCommon/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.failOn === void 0) {
      data.failOn = "high";
    }
    if (data.languages === void 0) {
      data.languages = ["javascript", "typescript", "tsx", "python"];
    }
    if (data.rules === void 0) {
      data.rules = {};
    }
    if (data.disable === void 0) {
      data.disable = [];
    }
    if (data.severity === void 0) {
      data.severity = {};
    }
    if (data.bandit === void 0) {
      data.bandit = {};
    }
    if (data.semgrep === void 0) {
      data.semgrep = {};
    }
    let data6 = data.failOn;
    if (!(data6 === "critical" || data6 === "high" || data6 === "medium" || data6 === "low" || data6 === "info" || data6 === "none")) {
      const err8 = { instancePath: instancePath + "/failOn", schemaPath: "../config.schema.json#/$defs/failOn/enum", keyword: "enum", params: { allowedValues: schema38.enum }, message: "must be equal to one of the allowed values" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    let data7 = data.languages;
    if (Array.isArray(data7)) {
      const len1 = data7.length;
      for (let i1 = 0; i1 < len1; i1++) {
        let data8 = data7[i1];
        if (!(data8 === "javascript" || data8 === "typescript" || data8 === "tsx" || data8 === "python")) {
          const err9 = { instancePath: instancePath + "/languages/" + i1, schemaPath: "#/properties/languages/items/enum", keyword: "enum", params: { allowedValues: schema46.properties.languages.items.enum }, message: "must be equal to one of the allowed values" };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      }
      let i2 = data7.length;
      let j0;
      if (i2 > 1) {
        outer0: for (; i2--; ) {
          for (j0 = i2; j0--; ) {
            if (func0(data7[i2], data7[j0])) {
              const err10 = { instancePath: instancePath + "/languages", schemaPath: "#/properties/languages/uniqueItems", keyword: "uniqueItems", params: { i: i2, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i2 + " are identical)" };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
              break outer0;
            }
          }
        }
      }
    } else {
      const err11 = { instancePath: instancePath + "/languages", schemaPath: "#/properties/languages/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    let data9 = data.rules;
    if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
      for (const key0 in data9) {
        let data10 = data9[key0];
        if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
          for (const key1 in data10) {
            if (!(key1 === "enabled" || key1 === "severity")) {
              const err12 = { instancePath: instancePath + "/rules/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
          }
          if (data10.enabled !== void 0) {
            if (typeof data10.enabled !== "boolean") {
              const err13 = { instancePath: instancePath + "/rules/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/enabled", schemaPath: "#/properties/rules/additionalProperties/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
          }
          if (data10.severity !== void 0) {
            let data12 = data10.severity;
            if (!(data12 === "critical" || data12 === "high" || data12 === "medium" || data12 === "low" || data12 === "info")) {
              const err14 = { instancePath: instancePath + "/rules/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity", schemaPath: "../config.schema.json#/$defs/severity/enum", keyword: "enum", params: { allowedValues: schema49.enum }, message: "must be equal to one of the allowed values" };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          }
        } else {
          const err15 = { instancePath: instancePath + "/rules/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object" };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      }
    } else {
      const err16 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/type", keyword: "type", params: { type: "object" }, message: "must be object" };
      if (vErrors === null) {
        vErrors = [err16];
      } else {
        vErrors.push(err16);
      }
      errors++;
    }
    let data13 = data.disable;
    if (Array.isArray(data13)) {
      const len2 = data13.length;
      for (let i3 = 0; i3 < len2; i3++) {
        if (typeof data13[i3] !== "string") {
          const err17 = { instancePath: instancePath + "/disable/" + i3, schemaPath: "#/properties/disable/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      }
      let i4 = data13.length;
      let j1;
      if (i4 > 1) {
        const indices0 = {};
        for (; i4--; ) {
          let item0 = data13[i4];
          if (typeof item0 !== "string") {
            continue;
          }
          if (typeof indices0[item0] == "number") {
            j1 = indices0[item0];
            const err18 = { instancePath: instancePath + "/disable", schemaPath: "#/properties/disable/uniqueItems", keyword: "uniqueItems", params: { i: i4, j: j1 }, message: "must NOT have duplicate items (items ## " + j1 + " and " + i4 + " are identical)" };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
            break;
          }
          indices0[item0] = i4;
        }
      }
    } else {
      const err19 = { instancePath: instancePath + "/disable", schemaPath: "#/properties/disable/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err19];
      } else {
        vErrors.push(err19);
      }
      errors++;
    }
    let data15 = data.severity;
    if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
      for (const key2 in data15) {
        let data16 = data15[key2];
        if (!(data16 === "critical" || data16 === "high" || data16 === "medium" || data16 === "low" || data16 === "info")) {
          const err20 = { instancePath: instancePath + "/severity/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "../config.schema.json#/$defs/severity/enum", keyword: "enum", params: { allowedValues: schema49.enum }, message: "must be equal to one of the allowed values" };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      }
    } else {
      const err21 = { instancePath: instancePath + "/severity", schemaPath: "#/properties/severity/type", keyword: "type", params: { type: "object" }, message: "must be object" };
      if (vErrors === null) {
        vErrors = [err21];
      } else {
        vErrors.push(err21);
      }
      errors++;
    }
    let data17 = data.bandit;
    if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
      if (data17.enabled === void 0) {
        data17.enabled = "auto";
      }
      for (const key3 in data17) {
        if (!(key3 === "enabled")) {
          const err22 = { instancePath: instancePath + "/bandit", schemaPath: "#/properties/bandit/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      }
      let data18 = data17.enabled;
      if (!(data18 === true || data18 === false || data18 === "auto")) {
        const err23 = { instancePath: instancePath + "/bandit/enabled", schemaPath: "#/properties/bandit/properties/enabled/enum", keyword: "enum", params: { allowedValues: schema46.properties.bandit.properties.enabled.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    } else {
      const err24 = { instancePath: instancePath + "/bandit", schemaPath: "#/properties/bandit/type", keyword: "type", params: { type: "object" }, message: "must be object" };
      if (vErrors === null) {
        vErrors = [err24];
      } else {
        vErrors.push(err24);
      }
      errors++;
    }
    let data19 = data.semgrep;
    if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
      for (const key4 in data19) {
        if (!(key4 === "config")) {
          const err25 = { instancePath: instancePath + "/semgrep", schemaPath: "#/properties/semgrep/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties" };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      }
      if (data19.config !== void 0) {
        let data20 = data19.config;
        const _errs46 = errors;
        let valid19 = false;
        let passing0 = null;
        const _errs47 = errors;
        if (typeof data20 === "string") {
          if (func2(data20) < 1) {
            const err26 = { instancePath: instancePath + "/semgrep/config", schemaPath: "#/properties/semgrep/properties/config/oneOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        } else {
          const err27 = { instancePath: instancePath + "/semgrep/config", schemaPath: "#/properties/semgrep/properties/config/oneOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err27];
          } else {
            vErrors.push(err27);
          }
          errors++;
        }
        var _valid0 = _errs47 === errors;
        if (_valid0) {
          valid19 = true;
          passing0 = 0;
        }
        const _errs49 = errors;
        if (Array.isArray(data20)) {
          if (data20.length < 1) {
            const err28 = { instancePath: instancePath + "/semgrep/config", schemaPath: "#/properties/semgrep/properties/config/oneOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
          const len3 = data20.length;
          for (let i5 = 0; i5 < len3; i5++) {
            let data21 = data20[i5];
            if (typeof data21 === "string") {
              if (func2(data21) < 1) {
                const err29 = { instancePath: instancePath + "/semgrep/config/" + i5, schemaPath: "#/properties/semgrep/properties/config/oneOf/1/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            } else {
              const err30 = { instancePath: instancePath + "/semgrep/config/" + i5, schemaPath: "#/properties/semgrep/properties/config/oneOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err30];
              } else {
                vErrors.push(err30);
              }
              errors++;
            }
          }
        } else {
          const err31 = { instancePath: instancePath + "/semgrep/config", schemaPath: "#/properties/semgrep/properties/config/oneOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
        var _valid0 = _errs49 === errors;
        if (_valid0 && valid19) {
          valid19 = false;
          passing0 = [passing0, 1];
        } else {
          if (_valid0) {
            valid19 = true;
            passing0 = 1;
          }
        }
        if (!valid19) {
          const err32 = { instancePath: instancePath + "/semgrep/config", schemaPath: "#/properties/semgrep/properties/config/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
          if (vErrors === null) {
            vErrors = [err32];
          } else {
            vErrors.push(err32);
          }
          errors++;
        } else {
          errors = _errs46;
          if (vErrors !== null) {
            if (_errs46) {
              vErrors.length = _errs46;
            } else {
              vErrors = null;
            }
          }
        }
      }
    } else {
      const err33 = { instancePath: instancePath + "/semgrep", schemaPath: "#/properties/semgrep/type", keyword: "type", params: { type: "object" }, message: "must be object" };
      if (vErrors === null) {
        vErrors = [err33];
      } else {
        vErrors.push(err33);
      }
      errors++;
    }
    for (const key5 in data) {
      if (key5 !== "failOn" && key5 !== "languages" && key5 !== "rules" && key5 !== "disable" && key5 !== "severity" && key5 !== "bandit" && key5 !== "semgrep" && key5 !== "enabled" && key5 !== "timeoutMs" && key5 !== "onError" && key5 !== "exclude" && key5 !== "blockExisting") {
        const err34 = { instancePath, schemaPath: "#/unevaluatedProperties", keyword: "unevaluatedProperties", params: { unevaluatedProperty: key5 }, message: "must NOT have unevaluated properties" };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
  } else {
    const err35 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err35];
    } else {
      vErrors.push(err35);
    }
    errors++;
  }
  validate27.errors = vErrors;
  return errors === 0;
}
validate27.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema51 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://wfo-gate.dev/schemas/gates/audit.schema.json", "title": "audit gate", "description": "Known vulnerabilities in the packages that lockfiles pin, from the package manager's audit or OSV data.", "type": "object", "$ref": "../config.schema.json#/$defs/gateCommon", "unevaluatedProperties": false, "properties": { "failOn": { "$ref": "../config.schema.json#/$defs/failOn", "default": "critical", "description": "Vulnerabilities at or above this severity block (default critical, as `npm audit --audit-level=critical`)." }, "source": { "enum": ["auto", "npm", "osv-db", "osv-api"], "default": "auto", "description": "Where advisories come from. auto: the package manager's audit (npm audit for package-lock.json; npm's bulk advisory endpoint, which yarn 4 and pnpm call, for yarn.lock and pnpm-lock.yaml; pip-audit for Python files when installed), then the OSV database in osvDatabase if set. npm: those npm-registry audits only. osv-db: the offline OSV database only. osv-api: the OSV query API at osvApiUrl." }, "osvDatabase": { "type": "string", "minLength": 1, "description": "A folder (searched recursively for *.json) or a .zip of OSV records, as OSV's data dumps ship them; relative paths are from the repository root." }, "osvApiUrl": { "type": "string", "default": "https://api.osv.dev", "description": "Base URL of an OSV API (POST /v1/querybatch, GET /v1/vulns/{id}) for source osv-api." }, "registry": { "type": "string", "description": "Registry URL for npm audit (passed as --registry) and the bulk advisory endpoint; default: npm's own configuration (npm config get registry)." }, "dev": { "type": "boolean", "default": true, "description": "Audit development dependencies too; false skips packages reachable only through devDependencies (or a requirements-dev/-test file, a dev group)." }, "lockfiles": { "type": "array", "items": { "type": "string" }, "default": ["**/package-lock.json", "**/npm-shrinkwrap.json", "**/pnpm-lock.yaml", "**/yarn.lock", "**/requirements*.txt", "**/poetry.lock", "**/uv.lock", "**/Pipfile.lock"], "description": "Globs of the lockfiles to audit; each one found is audited and reported under its own path (node_modules is never searched)." }, "unknownSeverity": { "$ref": "../config.schema.json#/$defs/severity", "default": "high", "description": "Severity given to a vulnerability whose source names none (pip-audit, OSV records with neither a GitHub label nor a CVSS v3 vector). The finding says it was assumed." }, "allow": { "type": "array", "default": [], "description": "Accepted advisories. A finding whose advisory id or one of its aliases is listed is moved to `suppressed`; once `until` has passed, the entry stops suppressing and a warning says so.", "items": { "type": "object", "additionalProperties": false, "required": ["id", "reason"], "properties": { "id": { "type": "string", "minLength": 1, "description": "Advisory id: GHSA-\u2026, CVE-\u2026 or any OSV id." }, "reason": { "type": "string", "minLength": 1, "description": "Why the vulnerability is accepted; shown with every suppressed finding." }, "until": { "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "description": "Last day (YYYY-MM-DD, UTC) the entry suppresses; from the next day on it is expired." } } } } } };
var pattern12 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");
function validate29(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate29.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.enabled === void 0) {
      data.enabled = true;
    }
    if (data.exclude === void 0) {
      data.exclude = [];
    }
    if (data.blockExisting === void 0) {
      data.blockExisting = false;
    }
    if (typeof data.enabled !== "boolean") {
      const err0 = { instancePath: instancePath + "/enabled", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.timeoutMs !== void 0) {
      let data1 = data.timeoutMs;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)))) {
        const err1 = { instancePath: instancePath + "/timeoutMs", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/timeoutMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      if (typeof data1 == "number") {
        if (data1 < 1e3 || isNaN(data1)) {
          const err2 = { instancePath: instancePath + "/timeoutMs", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/timeoutMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1e3 }, message: "must be >= 1000" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
    }
    if (data.onError !== void 0) {
      let data2 = data.onError;
      if (!(data2 === "fail" || data2 === "warn")) {
        const err3 = { instancePath: instancePath + "/onError", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/onError/enum", keyword: "enum", params: { allowedValues: schema34.properties.onError.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    let data3 = data.exclude;
    if (Array.isArray(data3)) {
      const len0 = data3.length;
      for (let i0 = 0; i0 < len0; i0++) {
        if (typeof data3[i0] !== "string") {
          const err4 = { instancePath: instancePath + "/exclude/" + i0, schemaPath: "../config.schema.json#/$defs/gateCommon/properties/exclude/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    } else {
      const err5 = { instancePath: instancePath + "/exclude", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (typeof data.blockExisting !== "boolean") {
      const err6 = { instancePath: instancePath + "/blockExisting", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/blockExisting/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
  } else {
    const err7 = { instancePath, schemaPath: "../config.schema.json#/$defs/gateCommon/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.failOn === void 0) {
      data.failOn = "critical";
    }
    if (data.source === void 0) {
      data.source = "auto";
    }
    if (data.osvApiUrl === void 0) {
      data.osvApiUrl = "https://api.osv.dev";
    }
    if (data.dev === void 0) {
      data.dev = true;
    }
    if (data.lockfiles === void 0) {
      data.lockfiles = ["**/package-lock.json", "**/npm-shrinkwrap.json", "**/pnpm-lock.yaml", "**/yarn.lock", "**/requirements*.txt", "**/poetry.lock", "**/uv.lock", "**/Pipfile.lock"];
    }
    if (data.unknownSeverity === void 0) {
      data.unknownSeverity = "high";
    }
    if (data.allow === void 0) {
      data.allow = [];
    }
    let data6 = data.failOn;
    if (!(data6 === "critical" || data6 === "high" || data6 === "medium" || data6 === "low" || data6 === "info" || data6 === "none")) {
      const err8 = { instancePath: instancePath + "/failOn", schemaPath: "../config.schema.json#/$defs/failOn/enum", keyword: "enum", params: { allowedValues: schema38.enum }, message: "must be equal to one of the allowed values" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    let data7 = data.source;
    if (!(data7 === "auto" || data7 === "npm" || data7 === "osv-db" || data7 === "osv-api")) {
      const err9 = { instancePath: instancePath + "/source", schemaPath: "#/properties/source/enum", keyword: "enum", params: { allowedValues: schema51.properties.source.enum }, message: "must be equal to one of the allowed values" };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.osvDatabase !== void 0) {
      let data8 = data.osvDatabase;
      if (typeof data8 === "string") {
        if (func2(data8) < 1) {
          const err10 = { instancePath: instancePath + "/osvDatabase", schemaPath: "#/properties/osvDatabase/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/osvDatabase", schemaPath: "#/properties/osvDatabase/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (typeof data.osvApiUrl !== "string") {
      const err12 = { instancePath: instancePath + "/osvApiUrl", schemaPath: "#/properties/osvApiUrl/type", keyword: "type", params: { type: "string" }, message: "must be string" };
      if (vErrors === null) {
        vErrors = [err12];
      } else {
        vErrors.push(err12);
      }
      errors++;
    }
    if (data.registry !== void 0) {
      if (typeof data.registry !== "string") {
        const err13 = { instancePath: instancePath + "/registry", schemaPath: "#/properties/registry/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (typeof data.dev !== "boolean") {
      const err14 = { instancePath: instancePath + "/dev", schemaPath: "#/properties/dev/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err14];
      } else {
        vErrors.push(err14);
      }
      errors++;
    }
    let data12 = data.lockfiles;
    if (Array.isArray(data12)) {
      const len1 = data12.length;
      for (let i1 = 0; i1 < len1; i1++) {
        if (typeof data12[i1] !== "string") {
          const err15 = { instancePath: instancePath + "/lockfiles/" + i1, schemaPath: "#/properties/lockfiles/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      }
    } else {
      const err16 = { instancePath: instancePath + "/lockfiles", schemaPath: "#/properties/lockfiles/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err16];
      } else {
        vErrors.push(err16);
      }
      errors++;
    }
    let data14 = data.unknownSeverity;
    if (!(data14 === "critical" || data14 === "high" || data14 === "medium" || data14 === "low" || data14 === "info")) {
      const err17 = { instancePath: instancePath + "/unknownSeverity", schemaPath: "../config.schema.json#/$defs/severity/enum", keyword: "enum", params: { allowedValues: schema49.enum }, message: "must be equal to one of the allowed values" };
      if (vErrors === null) {
        vErrors = [err17];
      } else {
        vErrors.push(err17);
      }
      errors++;
    }
    let data15 = data.allow;
    if (Array.isArray(data15)) {
      const len2 = data15.length;
      for (let i2 = 0; i2 < len2; i2++) {
        let data16 = data15[i2];
        if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
          if (data16.id === void 0) {
            const err18 = { instancePath: instancePath + "/allow/" + i2, schemaPath: "#/properties/allow/items/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'" };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
          if (data16.reason === void 0) {
            const err19 = { instancePath: instancePath + "/allow/" + i2, schemaPath: "#/properties/allow/items/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
          for (const key0 in data16) {
            if (!(key0 === "id" || key0 === "reason" || key0 === "until")) {
              const err20 = { instancePath: instancePath + "/allow/" + i2, schemaPath: "#/properties/allow/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
          }
          if (data16.id !== void 0) {
            let data17 = data16.id;
            if (typeof data17 === "string") {
              if (func2(data17) < 1) {
                const err21 = { instancePath: instancePath + "/allow/" + i2 + "/id", schemaPath: "#/properties/allow/items/properties/id/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                if (vErrors === null) {
                  vErrors = [err21];
                } else {
                  vErrors.push(err21);
                }
                errors++;
              }
            } else {
              const err22 = { instancePath: instancePath + "/allow/" + i2 + "/id", schemaPath: "#/properties/allow/items/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
            }
          }
          if (data16.reason !== void 0) {
            let data18 = data16.reason;
            if (typeof data18 === "string") {
              if (func2(data18) < 1) {
                const err23 = { instancePath: instancePath + "/allow/" + i2 + "/reason", schemaPath: "#/properties/allow/items/properties/reason/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                if (vErrors === null) {
                  vErrors = [err23];
                } else {
                  vErrors.push(err23);
                }
                errors++;
              }
            } else {
              const err24 = { instancePath: instancePath + "/allow/" + i2 + "/reason", schemaPath: "#/properties/allow/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
          }
          if (data16.until !== void 0) {
            let data19 = data16.until;
            if (typeof data19 === "string") {
              if (!pattern12.test(data19)) {
                const err25 = { instancePath: instancePath + "/allow/" + i2 + "/until", schemaPath: "#/properties/allow/items/properties/until/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" }, message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}$"' };
                if (vErrors === null) {
                  vErrors = [err25];
                } else {
                  vErrors.push(err25);
                }
                errors++;
              }
            } else {
              const err26 = { instancePath: instancePath + "/allow/" + i2 + "/until", schemaPath: "#/properties/allow/items/properties/until/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          }
        } else {
          const err27 = { instancePath: instancePath + "/allow/" + i2, schemaPath: "#/properties/allow/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
          if (vErrors === null) {
            vErrors = [err27];
          } else {
            vErrors.push(err27);
          }
          errors++;
        }
      }
    } else {
      const err28 = { instancePath: instancePath + "/allow", schemaPath: "#/properties/allow/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err28];
      } else {
        vErrors.push(err28);
      }
      errors++;
    }
    for (const key1 in data) {
      if (key1 !== "failOn" && key1 !== "source" && key1 !== "osvDatabase" && key1 !== "osvApiUrl" && key1 !== "registry" && key1 !== "dev" && key1 !== "lockfiles" && key1 !== "unknownSeverity" && key1 !== "allow" && key1 !== "enabled" && key1 !== "timeoutMs" && key1 !== "onError" && key1 !== "exclude" && key1 !== "blockExisting") {
        const err29 = { instancePath, schemaPath: "#/unevaluatedProperties", keyword: "unevaluatedProperties", params: { unevaluatedProperty: key1 }, message: "must NOT have unevaluated properties" };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
  } else {
    const err30 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err30];
    } else {
      vErrors.push(err30);
    }
    errors++;
  }
  validate29.errors = vErrors;
  return errors === 0;
}
validate29.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate31(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate31.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.enabled === void 0) {
      data.enabled = true;
    }
    if (data.exclude === void 0) {
      data.exclude = [];
    }
    if (data.blockExisting === void 0) {
      data.blockExisting = false;
    }
    if (typeof data.enabled !== "boolean") {
      const err0 = { instancePath: instancePath + "/enabled", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.timeoutMs !== void 0) {
      let data1 = data.timeoutMs;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)))) {
        const err1 = { instancePath: instancePath + "/timeoutMs", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/timeoutMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      if (typeof data1 == "number") {
        if (data1 < 1e3 || isNaN(data1)) {
          const err2 = { instancePath: instancePath + "/timeoutMs", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/timeoutMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1e3 }, message: "must be >= 1000" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
    }
    if (data.onError !== void 0) {
      let data2 = data.onError;
      if (!(data2 === "fail" || data2 === "warn")) {
        const err3 = { instancePath: instancePath + "/onError", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/onError/enum", keyword: "enum", params: { allowedValues: schema34.properties.onError.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    let data3 = data.exclude;
    if (Array.isArray(data3)) {
      const len0 = data3.length;
      for (let i0 = 0; i0 < len0; i0++) {
        if (typeof data3[i0] !== "string") {
          const err4 = { instancePath: instancePath + "/exclude/" + i0, schemaPath: "../config.schema.json#/$defs/gateCommon/properties/exclude/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    } else {
      const err5 = { instancePath: instancePath + "/exclude", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (typeof data.blockExisting !== "boolean") {
      const err6 = { instancePath: instancePath + "/blockExisting", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/blockExisting/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
  } else {
    const err7 = { instancePath, schemaPath: "../config.schema.json#/$defs/gateCommon/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.failOn === void 0) {
      data.failOn = "high";
    }
    if (data.reports === void 0) {
      data.reports = ["**/coverage/lcov.info", "**/coverage/coverage-final.json", "**/coverage/cobertura-coverage.xml", "**/coverage/coverage-summary.json", "lcov.info", "coverage.xml", "coverage.json", "coverage.out", "cover.out", "target/site/jacoco/jacoco.xml", "build/reports/jacoco/test/jacocoTestReport.xml"];
    }
    if (data.min === void 0) {
      data.min = 80;
    }
    if (data.patchMin === void 0) {
      data.patchMin = 80;
    }
    if (data.thresholds === void 0) {
      data.thresholds = {};
    }
    if (data.maxAgeCheck === void 0) {
      data.maxAgeCheck = true;
    }
    let data6 = data.failOn;
    if (!(data6 === "critical" || data6 === "high" || data6 === "medium" || data6 === "low" || data6 === "info" || data6 === "none")) {
      const err8 = { instancePath: instancePath + "/failOn", schemaPath: "../config.schema.json#/$defs/failOn/enum", keyword: "enum", params: { allowedValues: schema38.enum }, message: "must be equal to one of the allowed values" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    let data7 = data.reports;
    if (Array.isArray(data7)) {
      if (data7.length < 1) {
        const err9 = { instancePath: instancePath + "/reports", schemaPath: "#/properties/reports/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
      const len1 = data7.length;
      for (let i1 = 0; i1 < len1; i1++) {
        let data8 = data7[i1];
        if (typeof data8 === "string") {
          if (func2(data8) < 1) {
            const err10 = { instancePath: instancePath + "/reports/" + i1, schemaPath: "#/properties/reports/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        } else {
          const err11 = { instancePath: instancePath + "/reports/" + i1, schemaPath: "#/properties/reports/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      }
    } else {
      const err12 = { instancePath: instancePath + "/reports", schemaPath: "#/properties/reports/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err12];
      } else {
        vErrors.push(err12);
      }
      errors++;
    }
    let data9 = data.min;
    if (typeof data9 == "number") {
      if (data9 > 100 || isNaN(data9)) {
        const err13 = { instancePath: instancePath + "/min", schemaPath: "#/properties/min/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
      if (data9 < -1e6 || isNaN(data9)) {
        const err14 = { instancePath: instancePath + "/min", schemaPath: "#/properties/min/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1e6 }, message: "must be >= -1000000" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    } else {
      const err15 = { instancePath: instancePath + "/min", schemaPath: "#/properties/min/type", keyword: "type", params: { type: "number" }, message: "must be number" };
      if (vErrors === null) {
        vErrors = [err15];
      } else {
        vErrors.push(err15);
      }
      errors++;
    }
    let data10 = data.patchMin;
    if (typeof data10 == "number") {
      if (data10 > 100 || isNaN(data10)) {
        const err16 = { instancePath: instancePath + "/patchMin", schemaPath: "#/properties/patchMin/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
      if (data10 < 0 || isNaN(data10)) {
        const err17 = { instancePath: instancePath + "/patchMin", schemaPath: "#/properties/patchMin/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    } else {
      const err18 = { instancePath: instancePath + "/patchMin", schemaPath: "#/properties/patchMin/type", keyword: "type", params: { type: "number" }, message: "must be number" };
      if (vErrors === null) {
        vErrors = [err18];
      } else {
        vErrors.push(err18);
      }
      errors++;
    }
    if (data.branchesMin !== void 0) {
      let data11 = data.branchesMin;
      if (typeof data11 == "number") {
        if (data11 > 100 || isNaN(data11)) {
          const err19 = { instancePath: instancePath + "/branchesMin", schemaPath: "#/properties/branchesMin/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100" };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
        if (data11 < -1e6 || isNaN(data11)) {
          const err20 = { instancePath: instancePath + "/branchesMin", schemaPath: "#/properties/branchesMin/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1e6 }, message: "must be >= -1000000" };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/branchesMin", schemaPath: "#/properties/branchesMin/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.functionsMin !== void 0) {
      let data12 = data.functionsMin;
      if (typeof data12 == "number") {
        if (data12 > 100 || isNaN(data12)) {
          const err22 = { instancePath: instancePath + "/functionsMin", schemaPath: "#/properties/functionsMin/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100" };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        if (data12 < -1e6 || isNaN(data12)) {
          const err23 = { instancePath: instancePath + "/functionsMin", schemaPath: "#/properties/functionsMin/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1e6 }, message: "must be >= -1000000" };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
      } else {
        const err24 = { instancePath: instancePath + "/functionsMin", schemaPath: "#/properties/functionsMin/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
    }
    let data13 = data.thresholds;
    if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
      for (const key0 in data13) {
        let data14 = data13[key0];
        if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
          for (const key1 in data14) {
            if (!(key1 === "lines" || key1 === "branches" || key1 === "functions")) {
              const err25 = { instancePath: instancePath + "/thresholds/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/thresholds/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties" };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
          }
          if (data14.lines !== void 0) {
            let data15 = data14.lines;
            if (typeof data15 == "number") {
              if (data15 > 100 || isNaN(data15)) {
                const err26 = { instancePath: instancePath + "/thresholds/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/lines", schemaPath: "#/properties/thresholds/additionalProperties/properties/lines/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100" };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
              if (data15 < -1e6 || isNaN(data15)) {
                const err27 = { instancePath: instancePath + "/thresholds/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/lines", schemaPath: "#/properties/thresholds/additionalProperties/properties/lines/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1e6 }, message: "must be >= -1000000" };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            } else {
              const err28 = { instancePath: instancePath + "/thresholds/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/lines", schemaPath: "#/properties/thresholds/additionalProperties/properties/lines/type", keyword: "type", params: { type: "number" }, message: "must be number" };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
          }
          if (data14.branches !== void 0) {
            let data16 = data14.branches;
            if (typeof data16 == "number") {
              if (data16 > 100 || isNaN(data16)) {
                const err29 = { instancePath: instancePath + "/thresholds/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/branches", schemaPath: "#/properties/thresholds/additionalProperties/properties/branches/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100" };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
              if (data16 < -1e6 || isNaN(data16)) {
                const err30 = { instancePath: instancePath + "/thresholds/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/branches", schemaPath: "#/properties/thresholds/additionalProperties/properties/branches/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1e6 }, message: "must be >= -1000000" };
                if (vErrors === null) {
                  vErrors = [err30];
                } else {
                  vErrors.push(err30);
                }
                errors++;
              }
            } else {
              const err31 = { instancePath: instancePath + "/thresholds/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/branches", schemaPath: "#/properties/thresholds/additionalProperties/properties/branches/type", keyword: "type", params: { type: "number" }, message: "must be number" };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          }
          if (data14.functions !== void 0) {
            let data17 = data14.functions;
            if (typeof data17 == "number") {
              if (data17 > 100 || isNaN(data17)) {
                const err32 = { instancePath: instancePath + "/thresholds/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/functions", schemaPath: "#/properties/thresholds/additionalProperties/properties/functions/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100" };
                if (vErrors === null) {
                  vErrors = [err32];
                } else {
                  vErrors.push(err32);
                }
                errors++;
              }
              if (data17 < -1e6 || isNaN(data17)) {
                const err33 = { instancePath: instancePath + "/thresholds/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/functions", schemaPath: "#/properties/thresholds/additionalProperties/properties/functions/minimum", keyword: "minimum", params: { comparison: ">=", limit: -1e6 }, message: "must be >= -1000000" };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            } else {
              const err34 = { instancePath: instancePath + "/thresholds/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/functions", schemaPath: "#/properties/thresholds/additionalProperties/properties/functions/type", keyword: "type", params: { type: "number" }, message: "must be number" };
              if (vErrors === null) {
                vErrors = [err34];
              } else {
                vErrors.push(err34);
              }
              errors++;
            }
          }
        } else {
          const err35 = { instancePath: instancePath + "/thresholds/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/thresholds/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object" };
          if (vErrors === null) {
            vErrors = [err35];
          } else {
            vErrors.push(err35);
          }
          errors++;
        }
      }
    } else {
      const err36 = { instancePath: instancePath + "/thresholds", schemaPath: "#/properties/thresholds/type", keyword: "type", params: { type: "object" }, message: "must be object" };
      if (vErrors === null) {
        vErrors = [err36];
      } else {
        vErrors.push(err36);
      }
      errors++;
    }
    if (data.command !== void 0) {
      let data18 = data.command;
      if (typeof data18 === "string") {
        if (func2(data18) < 1) {
          const err37 = { instancePath: instancePath + "/command", schemaPath: "#/properties/command/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err37];
          } else {
            vErrors.push(err37);
          }
          errors++;
        }
      } else {
        const err38 = { instancePath: instancePath + "/command", schemaPath: "#/properties/command/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      }
    }
    if (data.baseReport !== void 0) {
      let data19 = data.baseReport;
      if (typeof data19 === "string") {
        if (func2(data19) < 1) {
          const err39 = { instancePath: instancePath + "/baseReport", schemaPath: "#/properties/baseReport/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err39];
          } else {
            vErrors.push(err39);
          }
          errors++;
        }
      } else {
        const err40 = { instancePath: instancePath + "/baseReport", schemaPath: "#/properties/baseReport/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err40];
        } else {
          vErrors.push(err40);
        }
        errors++;
      }
    }
    if (typeof data.maxAgeCheck !== "boolean") {
      const err41 = { instancePath: instancePath + "/maxAgeCheck", schemaPath: "#/properties/maxAgeCheck/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err41];
      } else {
        vErrors.push(err41);
      }
      errors++;
    }
    for (const key2 in data) {
      if (key2 !== "failOn" && key2 !== "reports" && key2 !== "min" && key2 !== "patchMin" && key2 !== "branchesMin" && key2 !== "functionsMin" && key2 !== "thresholds" && key2 !== "command" && key2 !== "baseReport" && key2 !== "maxAgeCheck" && key2 !== "enabled" && key2 !== "timeoutMs" && key2 !== "onError" && key2 !== "exclude" && key2 !== "blockExisting") {
        const err42 = { instancePath, schemaPath: "#/unevaluatedProperties", keyword: "unevaluatedProperties", params: { unevaluatedProperty: key2 }, message: "must NOT have unevaluated properties" };
        if (vErrors === null) {
          vErrors = [err42];
        } else {
          vErrors.push(err42);
        }
        errors++;
      }
    }
  } else {
    const err43 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err43];
    } else {
      vErrors.push(err43);
    }
    errors++;
  }
  validate31.errors = vErrors;
  return errors === 0;
}
validate31.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate33(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate33.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.enabled === void 0) {
      data.enabled = true;
    }
    if (data.exclude === void 0) {
      data.exclude = [];
    }
    if (data.blockExisting === void 0) {
      data.blockExisting = false;
    }
    if (typeof data.enabled !== "boolean") {
      const err0 = { instancePath: instancePath + "/enabled", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.timeoutMs !== void 0) {
      let data1 = data.timeoutMs;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)))) {
        const err1 = { instancePath: instancePath + "/timeoutMs", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/timeoutMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      if (typeof data1 == "number") {
        if (data1 < 1e3 || isNaN(data1)) {
          const err2 = { instancePath: instancePath + "/timeoutMs", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/timeoutMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1e3 }, message: "must be >= 1000" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
    }
    if (data.onError !== void 0) {
      let data2 = data.onError;
      if (!(data2 === "fail" || data2 === "warn")) {
        const err3 = { instancePath: instancePath + "/onError", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/onError/enum", keyword: "enum", params: { allowedValues: schema34.properties.onError.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    let data3 = data.exclude;
    if (Array.isArray(data3)) {
      const len0 = data3.length;
      for (let i0 = 0; i0 < len0; i0++) {
        if (typeof data3[i0] !== "string") {
          const err4 = { instancePath: instancePath + "/exclude/" + i0, schemaPath: "../config.schema.json#/$defs/gateCommon/properties/exclude/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    } else {
      const err5 = { instancePath: instancePath + "/exclude", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (typeof data.blockExisting !== "boolean") {
      const err6 = { instancePath: instancePath + "/blockExisting", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/blockExisting/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
  } else {
    const err7 = { instancePath, schemaPath: "../config.schema.json#/$defs/gateCommon/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.failOn === void 0) {
      data.failOn = "high";
    }
    if (data.patterns === void 0) {
      data.patterns = [".env", ".env.*", "*.env"];
    }
    if (data.allow === void 0) {
      data.allow = [".env.example", ".env.sample", ".env.template", ".env.dist", ".env.defaults", "*.env.example", "*.env.sample", "*.env.template"];
    }
    if (data.worldWritable === void 0) {
      data.worldWritable = true;
    }
    let data6 = data.failOn;
    if (!(data6 === "critical" || data6 === "high" || data6 === "medium" || data6 === "low" || data6 === "info" || data6 === "none")) {
      const err8 = { instancePath: instancePath + "/failOn", schemaPath: "../config.schema.json#/$defs/failOn/enum", keyword: "enum", params: { allowedValues: schema38.enum }, message: "must be equal to one of the allowed values" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    let data7 = data.patterns;
    if (Array.isArray(data7)) {
      const len1 = data7.length;
      for (let i1 = 0; i1 < len1; i1++) {
        if (typeof data7[i1] !== "string") {
          const err9 = { instancePath: instancePath + "/patterns/" + i1, schemaPath: "#/properties/patterns/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      }
    } else {
      const err10 = { instancePath: instancePath + "/patterns", schemaPath: "#/properties/patterns/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    let data9 = data.allow;
    if (Array.isArray(data9)) {
      const len2 = data9.length;
      for (let i2 = 0; i2 < len2; i2++) {
        if (typeof data9[i2] !== "string") {
          const err11 = { instancePath: instancePath + "/allow/" + i2, schemaPath: "#/properties/allow/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      }
    } else {
      const err12 = { instancePath: instancePath + "/allow", schemaPath: "#/properties/allow/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err12];
      } else {
        vErrors.push(err12);
      }
      errors++;
    }
    if (typeof data.worldWritable !== "boolean") {
      const err13 = { instancePath: instancePath + "/worldWritable", schemaPath: "#/properties/worldWritable/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err13];
      } else {
        vErrors.push(err13);
      }
      errors++;
    }
    for (const key0 in data) {
      if (key0 !== "failOn" && key0 !== "patterns" && key0 !== "allow" && key0 !== "worldWritable" && key0 !== "enabled" && key0 !== "timeoutMs" && key0 !== "onError" && key0 !== "exclude" && key0 !== "blockExisting") {
        const err14 = { instancePath, schemaPath: "#/unevaluatedProperties", keyword: "unevaluatedProperties", params: { unevaluatedProperty: key0 }, message: "must NOT have unevaluated properties" };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
  } else {
    const err15 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err15];
    } else {
      vErrors.push(err15);
    }
    errors++;
  }
  validate33.errors = vErrors;
  return errors === 0;
}
validate33.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema64 = { "type": "object", "required": ["input", "output"], "additionalProperties": false, "properties": { "input": { "type": "number", "minimum": 0, "description": "USD per million uncached input tokens." }, "output": { "type": "number", "minimum": 0, "description": "USD per million output tokens." }, "cacheWrite5m": { "type": "number", "minimum": 0, "description": "USD per million prompt-cache write tokens (5-minute lifetime). Default: the input rate." }, "cacheWrite1h": { "type": "number", "minimum": 0, "description": "USD per million prompt-cache write tokens with a 1-hour lifetime. Default: cacheWrite5m." }, "cacheRead": { "type": "number", "minimum": 0, "description": "USD per million cache-read tokens. Default: the input rate." }, "above200k": { "$ref": "#/$defs/rates", "description": "Rates for a request whose prompt exceeds 200k tokens (the whole request)." }, "provider": { "type": "string", "description": "Provider key in the daily files (claude, openai, gemini, deepseek \u2026). Default: guessed from the model id." }, "source": { "type": "string", "description": "Where the price comes from (e.g. the vendor's pricing page)." }, "date": { "type": "string", "description": "When the price was read, YYYY-MM-DD." } } };
function validate36(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate36.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.input === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "input" }, message: "must have required property 'input'" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.output === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "output" }, message: "must have required property 'output'" };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func1.call(schema64.properties, key0)) {
        const err2 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.input !== void 0) {
      let data0 = data.input;
      if (typeof data0 == "number") {
        if (data0 < 0 || isNaN(data0)) {
          const err3 = { instancePath: instancePath + "/input", schemaPath: "#/properties/input/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      } else {
        const err4 = { instancePath: instancePath + "/input", schemaPath: "#/properties/input/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.output !== void 0) {
      let data1 = data.output;
      if (typeof data1 == "number") {
        if (data1 < 0 || isNaN(data1)) {
          const err5 = { instancePath: instancePath + "/output", schemaPath: "#/properties/output/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err5];
          } else {
            vErrors.push(err5);
          }
          errors++;
        }
      } else {
        const err6 = { instancePath: instancePath + "/output", schemaPath: "#/properties/output/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.cacheWrite5m !== void 0) {
      let data2 = data.cacheWrite5m;
      if (typeof data2 == "number") {
        if (data2 < 0 || isNaN(data2)) {
          const err7 = { instancePath: instancePath + "/cacheWrite5m", schemaPath: "#/properties/cacheWrite5m/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      } else {
        const err8 = { instancePath: instancePath + "/cacheWrite5m", schemaPath: "#/properties/cacheWrite5m/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.cacheWrite1h !== void 0) {
      let data3 = data.cacheWrite1h;
      if (typeof data3 == "number") {
        if (data3 < 0 || isNaN(data3)) {
          const err9 = { instancePath: instancePath + "/cacheWrite1h", schemaPath: "#/properties/cacheWrite1h/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
      } else {
        const err10 = { instancePath: instancePath + "/cacheWrite1h", schemaPath: "#/properties/cacheWrite1h/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.cacheRead !== void 0) {
      let data4 = data.cacheRead;
      if (typeof data4 == "number") {
        if (data4 < 0 || isNaN(data4)) {
          const err11 = { instancePath: instancePath + "/cacheRead", schemaPath: "#/properties/cacheRead/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/cacheRead", schemaPath: "#/properties/cacheRead/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.above200k !== void 0) {
      let data5 = data.above200k;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        if (data5.input === void 0) {
          const err13 = { instancePath: instancePath + "/above200k", schemaPath: "#/$defs/rates/required", keyword: "required", params: { missingProperty: "input" }, message: "must have required property 'input'" };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
        if (data5.output === void 0) {
          const err14 = { instancePath: instancePath + "/above200k", schemaPath: "#/$defs/rates/required", keyword: "required", params: { missingProperty: "output" }, message: "must have required property 'output'" };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        if (data5.input !== void 0) {
          let data6 = data5.input;
          if (typeof data6 == "number") {
            if (data6 < 0 || isNaN(data6)) {
              const err15 = { instancePath: instancePath + "/above200k/input", schemaPath: "#/$defs/rates/properties/input/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
          } else {
            const err16 = { instancePath: instancePath + "/above200k/input", schemaPath: "#/$defs/rates/properties/input/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data5.output !== void 0) {
          let data7 = data5.output;
          if (typeof data7 == "number") {
            if (data7 < 0 || isNaN(data7)) {
              const err17 = { instancePath: instancePath + "/above200k/output", schemaPath: "#/$defs/rates/properties/output/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err17];
              } else {
                vErrors.push(err17);
              }
              errors++;
            }
          } else {
            const err18 = { instancePath: instancePath + "/above200k/output", schemaPath: "#/$defs/rates/properties/output/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        if (data5.cacheWrite5m !== void 0) {
          let data8 = data5.cacheWrite5m;
          if (typeof data8 == "number") {
            if (data8 < 0 || isNaN(data8)) {
              const err19 = { instancePath: instancePath + "/above200k/cacheWrite5m", schemaPath: "#/$defs/rates/properties/cacheWrite5m/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
          } else {
            const err20 = { instancePath: instancePath + "/above200k/cacheWrite5m", schemaPath: "#/$defs/rates/properties/cacheWrite5m/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data5.cacheWrite1h !== void 0) {
          let data9 = data5.cacheWrite1h;
          if (typeof data9 == "number") {
            if (data9 < 0 || isNaN(data9)) {
              const err21 = { instancePath: instancePath + "/above200k/cacheWrite1h", schemaPath: "#/$defs/rates/properties/cacheWrite1h/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
          } else {
            const err22 = { instancePath: instancePath + "/above200k/cacheWrite1h", schemaPath: "#/$defs/rates/properties/cacheWrite1h/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data5.cacheRead !== void 0) {
          let data10 = data5.cacheRead;
          if (typeof data10 == "number") {
            if (data10 < 0 || isNaN(data10)) {
              const err23 = { instancePath: instancePath + "/above200k/cacheRead", schemaPath: "#/$defs/rates/properties/cacheRead/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          } else {
            const err24 = { instancePath: instancePath + "/above200k/cacheRead", schemaPath: "#/$defs/rates/properties/cacheRead/type", keyword: "type", params: { type: "number" }, message: "must be number" };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
      } else {
        const err25 = { instancePath: instancePath + "/above200k", schemaPath: "#/$defs/rates/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.provider !== void 0) {
      if (typeof data.provider !== "string") {
        const err26 = { instancePath: instancePath + "/provider", schemaPath: "#/properties/provider/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.source !== void 0) {
      if (typeof data.source !== "string") {
        const err27 = { instancePath: instancePath + "/source", schemaPath: "#/properties/source/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.date !== void 0) {
      if (typeof data.date !== "string") {
        const err28 = { instancePath: instancePath + "/date", schemaPath: "#/properties/date/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
  } else {
    const err29 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err29];
    } else {
      vErrors.push(err29);
    }
    errors++;
  }
  validate36.errors = vErrors;
  return errors === 0;
}
validate36.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate35(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate35.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.enabled === void 0) {
      data.enabled = true;
    }
    if (data.exclude === void 0) {
      data.exclude = [];
    }
    if (data.blockExisting === void 0) {
      data.blockExisting = false;
    }
    if (typeof data.enabled !== "boolean") {
      const err0 = { instancePath: instancePath + "/enabled", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/enabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.timeoutMs !== void 0) {
      let data1 = data.timeoutMs;
      if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)))) {
        const err1 = { instancePath: instancePath + "/timeoutMs", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/timeoutMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      if (typeof data1 == "number") {
        if (data1 < 1e3 || isNaN(data1)) {
          const err2 = { instancePath: instancePath + "/timeoutMs", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/timeoutMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1e3 }, message: "must be >= 1000" };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      }
    }
    if (data.onError !== void 0) {
      let data2 = data.onError;
      if (!(data2 === "fail" || data2 === "warn")) {
        const err3 = { instancePath: instancePath + "/onError", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/onError/enum", keyword: "enum", params: { allowedValues: schema34.properties.onError.enum }, message: "must be equal to one of the allowed values" };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    let data3 = data.exclude;
    if (Array.isArray(data3)) {
      const len0 = data3.length;
      for (let i0 = 0; i0 < len0; i0++) {
        if (typeof data3[i0] !== "string") {
          const err4 = { instancePath: instancePath + "/exclude/" + i0, schemaPath: "../config.schema.json#/$defs/gateCommon/properties/exclude/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      }
    } else {
      const err5 = { instancePath: instancePath + "/exclude", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (typeof data.blockExisting !== "boolean") {
      const err6 = { instancePath: instancePath + "/blockExisting", schemaPath: "../config.schema.json#/$defs/gateCommon/properties/blockExisting/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
  } else {
    const err7 = { instancePath, schemaPath: "../config.schema.json#/$defs/gateCommon/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err7];
    } else {
      vErrors.push(err7);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.failOn === void 0) {
      data.failOn = "high";
    }
    if (data.ledger === void 0) {
      data.ledger = "costs";
    }
    if (data.prices === void 0) {
      data.prices = {};
    }
    let data6 = data.failOn;
    if (!(data6 === "critical" || data6 === "high" || data6 === "medium" || data6 === "low" || data6 === "info" || data6 === "none")) {
      const err8 = { instancePath: instancePath + "/failOn", schemaPath: "../config.schema.json#/$defs/failOn/enum", keyword: "enum", params: { allowedValues: schema38.enum }, message: "must be equal to one of the allowed values" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    let data7 = data.ledger;
    if (typeof data7 === "string") {
      if (func2(data7) < 1) {
        const err9 = { instancePath: instancePath + "/ledger", schemaPath: "#/properties/ledger/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    } else {
      const err10 = { instancePath: instancePath + "/ledger", schemaPath: "#/properties/ledger/type", keyword: "type", params: { type: "string" }, message: "must be string" };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    let data8 = data.prices;
    if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
      for (const key0 in data8) {
        if (!validate36(data8[key0], { instancePath: instancePath + "/prices/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data8, parentDataProperty: key0, rootData, dynamicAnchors })) {
          vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
          errors = vErrors.length;
        }
      }
    } else {
      const err11 = { instancePath: instancePath + "/prices", schemaPath: "#/properties/prices/type", keyword: "type", params: { type: "object" }, message: "must be object" };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    if (data.pricesFile !== void 0) {
      let data10 = data.pricesFile;
      if (typeof data10 === "string") {
        if (func2(data10) < 1) {
          const err12 = { instancePath: instancePath + "/pricesFile", schemaPath: "#/properties/pricesFile/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/pricesFile", schemaPath: "#/properties/pricesFile/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.feature !== void 0) {
      let data11 = data.feature;
      if (typeof data11 === "string") {
        if (func2(data11) < 1) {
          const err14 = { instancePath: instancePath + "/feature", schemaPath: "#/properties/feature/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/feature", schemaPath: "#/properties/feature/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    for (const key1 in data) {
      if (key1 !== "failOn" && key1 !== "ledger" && key1 !== "prices" && key1 !== "pricesFile" && key1 !== "feature" && key1 !== "enabled" && key1 !== "timeoutMs" && key1 !== "onError" && key1 !== "exclude" && key1 !== "blockExisting") {
        const err16 = { instancePath, schemaPath: "#/unevaluatedProperties", keyword: "unevaluatedProperties", params: { unevaluatedProperty: key1 }, message: "must NOT have unevaluated properties" };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
  } else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err17];
    } else {
      vErrors.push(err17);
    }
    errors++;
  }
  validate35.errors = vErrors;
  return errors === 0;
}
validate35.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
var schema67 = { "anyOf": [{ "enum": ["secrets", "sast", "audit", "coverage", "env-ignore", "budget"] }, { "$ref": "#/$defs/gateIdPattern", "description": "A custom gate's id, defined under `gates`." }] };
function validate40(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate40.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  const _errs0 = errors;
  let valid0 = false;
  const _errs1 = errors;
  if (!(data === "secrets" || data === "sast" || data === "audit" || data === "coverage" || data === "env-ignore" || data === "budget")) {
    const err0 = { instancePath, schemaPath: "#/anyOf/0/enum", keyword: "enum", params: { allowedValues: schema67.anyOf[0].enum }, message: "must be equal to one of the allowed values" };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  valid0 = valid0 || _valid0;
  const _errs2 = errors;
  if (typeof data === "string") {
    if (!pattern4.test(data)) {
      const err1 = { instancePath, schemaPath: "#/$defs/gateIdPattern/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,39}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,39}$"' };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
  } else {
    const err2 = { instancePath, schemaPath: "#/$defs/gateIdPattern/type", keyword: "type", params: { type: "string" }, message: "must be string" };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  var _valid0 = _errs2 === errors;
  valid0 = valid0 || _valid0;
  if (!valid0) {
    const err3 = { instancePath, schemaPath: "#/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate40.errors = vErrors;
  return errors === 0;
}
validate40.evaluated = { "dynamicProps": false, "dynamicItems": false };
function validate39(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate39.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (Array.isArray(data)) {
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      if (!validate40(data[i0], { instancePath: instancePath + "/" + i0, parentData: data, parentDataProperty: i0, rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
        errors = vErrors.length;
      }
    }
    let i1 = data.length;
    let j0;
    if (i1 > 1) {
      outer0: for (; i1--; ) {
        for (j0 = i1; j0--; ) {
          if (func0(data[i1], data[j0])) {
            const err0 = { instancePath, schemaPath: "#/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)" };
            if (vErrors === null) {
              vErrors = [err0];
            } else {
              vErrors.push(err0);
            }
            errors++;
            break outer0;
          }
        }
      }
    }
  } else {
    const err1 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, message: "must be array" };
    if (vErrors === null) {
      vErrors = [err1];
    } else {
      vErrors.push(err1);
    }
    errors++;
  }
  validate39.errors = vErrors;
  return errors === 0;
}
validate39.evaluated = { "items": true, "dynamicProps": false, "dynamicItems": false };
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.onError === void 0) {
      data.onError = "fail";
    }
    if (data.timeoutMs === void 0) {
      data.timeoutMs = 12e4;
    }
    if (data.maxFileSize === void 0) {
      data.maxFileSize = 1048576;
    }
    if (data.exclude === void 0) {
      data.exclude = [];
    }
    if (data.baseline === void 0) {
      data.baseline = ".wfo-gate/baseline.json";
    }
    if (data.gates === void 0) {
      data.gates = {};
    }
    if (data.hooks === void 0) {
      data.hooks = {};
    }
    if (data.ci === void 0) {
      data.ci = ["secrets", "sast", "audit", "coverage", "env-ignore", "budget"];
    }
    for (const key0 in data) {
      if (!func1.call(schema31.properties, key0)) {
        const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.$schema !== void 0) {
      if (typeof data.$schema !== "string") {
        const err1 = { instancePath: instancePath + "/$schema", schemaPath: "#/properties/%24schema/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    let data1 = data.onError;
    if (!(data1 === "fail" || data1 === "warn")) {
      const err2 = { instancePath: instancePath + "/onError", schemaPath: "#/properties/onError/enum", keyword: "enum", params: { allowedValues: schema31.properties.onError.enum }, message: "must be equal to one of the allowed values" };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    let data2 = data.timeoutMs;
    if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)))) {
      const err3 = { instancePath: instancePath + "/timeoutMs", schemaPath: "#/properties/timeoutMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (typeof data2 == "number") {
      if (data2 < 1e3 || isNaN(data2)) {
        const err4 = { instancePath: instancePath + "/timeoutMs", schemaPath: "#/properties/timeoutMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1e3 }, message: "must be >= 1000" };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    let data3 = data.maxFileSize;
    if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)))) {
      const err5 = { instancePath: instancePath + "/maxFileSize", schemaPath: "#/properties/maxFileSize/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (typeof data3 == "number") {
      if (data3 < 1 || isNaN(data3)) {
        const err6 = { instancePath: instancePath + "/maxFileSize", schemaPath: "#/properties/maxFileSize/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    let data4 = data.exclude;
    if (Array.isArray(data4)) {
      const len0 = data4.length;
      for (let i0 = 0; i0 < len0; i0++) {
        if (typeof data4[i0] !== "string") {
          const err7 = { instancePath: instancePath + "/exclude/" + i0, schemaPath: "#/properties/exclude/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
      }
    } else {
      const err8 = { instancePath: instancePath + "/exclude", schemaPath: "#/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array" };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (typeof data.baseline !== "string") {
      const err9 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/type", keyword: "type", params: { type: "string" }, message: "must be string" };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.cache !== void 0) {
      if (typeof data.cache !== "boolean") {
        const err10 = { instancePath: instancePath + "/cache", schemaPath: "#/properties/cache/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    let data8 = data.gates;
    if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
      if (data8.secrets === void 0) {
        data8.secrets = {};
      }
      if (data8.sast === void 0) {
        data8.sast = {};
      }
      if (data8.audit === void 0) {
        data8.audit = {};
      }
      if (data8.coverage === void 0) {
        data8.coverage = {};
      }
      if (data8["env-ignore"] === void 0) {
        data8["env-ignore"] = {};
      }
      if (data8.budget === void 0) {
        data8.budget = {};
      }
      for (const key1 in data8) {
        const _errs19 = errors;
        if (typeof key1 === "string") {
          if (!pattern4.test(key1)) {
            const err11 = { instancePath: instancePath + "/gates", schemaPath: "#/$defs/gateIdPattern/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{0,39}$" }, message: 'must match pattern "^[a-z][a-z0-9-]{0,39}$"', propertyName: key1 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        } else {
          const err12 = { instancePath: instancePath + "/gates", schemaPath: "#/$defs/gateIdPattern/type", keyword: "type", params: { type: "string" }, message: "must be string", propertyName: key1 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
        var valid3 = _errs19 === errors;
        if (!valid3) {
          const err13 = { instancePath: instancePath + "/gates", schemaPath: "#/properties/gates/propertyNames", keyword: "propertyNames", params: { propertyName: key1 }, message: "property name must be valid" };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      }
      for (const key2 in data8) {
        if (!(key2 === "secrets" || key2 === "sast" || key2 === "audit" || key2 === "coverage" || key2 === "env-ignore" || key2 === "budget")) {
          if (!validate21(data8[key2], { instancePath: instancePath + "/gates/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"), parentData: data8, parentDataProperty: key2, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
            errors = vErrors.length;
          }
        }
      }
      if (!validate23(data8.secrets, { instancePath: instancePath + "/gates/secrets", parentData: data8, parentDataProperty: "secrets", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
        errors = vErrors.length;
      }
      if (!validate27(data8.sast, { instancePath: instancePath + "/gates/sast", parentData: data8, parentDataProperty: "sast", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
        errors = vErrors.length;
      }
      if (!validate29(data8.audit, { instancePath: instancePath + "/gates/audit", parentData: data8, parentDataProperty: "audit", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
        errors = vErrors.length;
      }
      if (!validate31(data8.coverage, { instancePath: instancePath + "/gates/coverage", parentData: data8, parentDataProperty: "coverage", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
        errors = vErrors.length;
      }
      if (!validate33(data8["env-ignore"], { instancePath: instancePath + "/gates/env-ignore", parentData: data8, parentDataProperty: "env-ignore", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate33.errors : vErrors.concat(validate33.errors);
        errors = vErrors.length;
      }
      if (!validate35(data8.budget, { instancePath: instancePath + "/gates/budget", parentData: data8, parentDataProperty: "budget", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
        errors = vErrors.length;
      }
    } else {
      const err14 = { instancePath: instancePath + "/gates", schemaPath: "#/properties/gates/type", keyword: "type", params: { type: "object" }, message: "must be object" };
      if (vErrors === null) {
        vErrors = [err14];
      } else {
        vErrors.push(err14);
      }
      errors++;
    }
    let data16 = data.hooks;
    if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
      if (data16["pre-commit"] === void 0) {
        data16["pre-commit"] = ["secrets", "env-ignore"];
      }
      if (data16["pre-push"] === void 0) {
        data16["pre-push"] = ["secrets", "env-ignore"];
      }
      for (const key3 in data16) {
        if (!(key3 === "pre-commit" || key3 === "pre-push")) {
          const err15 = { instancePath: instancePath + "/hooks", schemaPath: "#/properties/hooks/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      }
      if (!validate39(data16["pre-commit"], { instancePath: instancePath + "/hooks/pre-commit", parentData: data16, parentDataProperty: "pre-commit", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
        errors = vErrors.length;
      }
      if (!validate39(data16["pre-push"], { instancePath: instancePath + "/hooks/pre-push", parentData: data16, parentDataProperty: "pre-push", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
        errors = vErrors.length;
      }
    } else {
      const err16 = { instancePath: instancePath + "/hooks", schemaPath: "#/properties/hooks/type", keyword: "type", params: { type: "object" }, message: "must be object" };
      if (vErrors === null) {
        vErrors = [err16];
      } else {
        vErrors.push(err16);
      }
      errors++;
    }
    if (!validate39(data.ci, { instancePath: instancePath + "/ci", parentData: data, parentDataProperty: "ci", rootData, dynamicAnchors })) {
      vErrors = vErrors === null ? validate39.errors : vErrors.concat(validate39.errors);
      errors = vErrors.length;
    }
  } else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    if (vErrors === null) {
      vErrors = [err17];
    } else {
      vErrors.push(err17);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
