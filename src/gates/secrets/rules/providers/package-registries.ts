import type { SecretRule } from '../../rule.js';
import { prefixedToken } from './patterns.js';

const family = 'package-registry';

export const rules: SecretRule[] = [
  {
    id: 'npm-access-token',
    formatSource: 'described',
    title: 'npm access token',
    severity: 'critical',
    family,
    provider: 'npm',
    rotateUrl: 'https://docs.npmjs.com/revoking-access-tokens',
    // npm_ + 30 random characters + a 6-character CRC32 checksum.
    regex: prefixedToken('npm_[A-Za-z0-9]{36}'),
    keywords: ['npm_'],
    entropy: 3.5,
    examples: {
      match: [
        { text: '//registry.npmjs.org/:_authToken=npm_7PdYObx3uOiZRtA61Xzojp5vrMeh6oeZRoyN', secret: 'npm_7PdYObx3uOiZRtA61Xzojp5vrMeh6oeZRoyN' },
        { text: 'NPM_TOKEN=npm_3ZY1xQ2y4FtFJyVW4guK4Re1cNAuTmgzxHxb', secret: 'npm_3ZY1xQ2y4FtFJyVW4guK4Re1cNAuTmgzxHxb' },
      ],
      noMatch: ['NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'const npm_config_registry = process.env.npm_config_registry;'],
    },
  },
  {
    id: 'pypi-upload-token',
    formatSource: 'described',
    title: 'PyPI API token',
    severity: 'critical',
    family,
    provider: 'PyPI',
    rotateUrl: 'https://pypi.org/manage/account/token/',
    // A macaroon whose base64 opens with the location "pypi.org".
    regex: prefixedToken('pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}'),
    keywords: ['pypi-ageichlwas5vcmc'],
    entropy: 4,
    examples: {
      match: [
        { text: 'password = pypi-AgEIcHlwaS5vcmcItANgeoEYXdWac1uO3GrliWiJ23R3_VZDWxtFMm3oguyWkjMhDjplzSuyfgBvCP8HSV5KhvkKTcMIB-3GVEjpGXG4jkxismbMY0poT0DR9vN0p3JGs727MtLumyR7gOWJpZdNRRStMVm', secret: 'pypi-AgEIcHlwaS5vcmcItANgeoEYXdWac1uO3GrliWiJ23R3_VZDWxtFMm3oguyWkjMhDjplzSuyfgBvCP8HSV5KhvkKTcMIB-3GVEjpGXG4jkxismbMY0poT0DR9vN0p3JGs727MtLumyR7gOWJpZdNRRStMVm' },
        { text: 'TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcCJDbm0z1DTWyd5SBrJ0m0asoHV6vQY1Z3jEQVdIYiDd_eVHSmW1xaoBSD_5cpo44JZvg1mrFlXH0sWNBdtZLxsFbZQnm7-PZcGaZ1cNY1_V2fX8hOjKZY-cfYN_LJscJZ6jsREgrOS-WAuQ00FxnKTP9eFclMmnUr4K', secret: 'pypi-AgEIcHlwaS5vcmcCJDbm0z1DTWyd5SBrJ0m0asoHV6vQY1Z3jEQVdIYiDd_eVHSmW1xaoBSD_5cpo44JZvg1mrFlXH0sWNBdtZLxsFbZQnm7-PZcGaZ1cNY1_V2fX8hOjKZY-cfYN_LJscJZ6jsREgrOS-WAuQ00FxnKTP9eFclMmnUr4K' },
      ],
      noMatch: [{ text: 'password = pypi-AgEIcHlwaS5vcmc', firedBy: ['generic-password-config'] }, 'TWINE_PASSWORD=pypi-<your-token>'],
    },
  },
  {
    id: 'pypi-test-upload-token',
    formatSource: 'described',
    title: 'TestPyPI API token',
    severity: 'medium',
    family,
    provider: 'PyPI',
    rotateUrl: 'https://test.pypi.org/manage/account/token/',
    // The same macaroon scheme with the location "test.pypi.org".
    regex: prefixedToken('pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000}'),
    keywords: ['pypi-agendgvzdc5wexbplm9yzw'],
    entropy: 4,
    examples: {
      match: [
        { text: 'password = pypi-AgENdGVzdC5weXBpLm9yZwXaRiO1yp6Jd_zsX6n8Q0deAjD75KvXND5t1VrI3d8ATiJ39vTvZWI4cbvTeNCtaR35ygaCgskIFI-uuEEBd7NGzdbHeBO0aWi4R3ns1ZLT7mvmgCucclTFPG5gNUOZsPmQfp7i_jNXLL', secret: 'pypi-AgENdGVzdC5weXBpLm9yZwXaRiO1yp6Jd_zsX6n8Q0deAjD75KvXND5t1VrI3d8ATiJ39vTvZWI4cbvTeNCtaR35ygaCgskIFI-uuEEBd7NGzdbHeBO0aWi4R3ns1ZLT7mvmgCucclTFPG5gNUOZsPmQfp7i_jNXLL' },
        { text: 'TEST_PYPI_TOKEN="pypi-AgENdGVzdC5weXBpLm9yZwIkhZO5lwm7eorRq0gyadnBbBAgczF4BMf4zn686Su3znF4UjpNGeCOPs3gunrhDzP4sfzg55MjpcLSXCxTcTmkWeTI-KrOrXHcxx7v7G5hdiNTpvPPiXwzdo3Hkgz5KcLo7H5ZllfOdrjyMSxUeTMIda"', secret: 'pypi-AgENdGVzdC5weXBpLm9yZwIkhZO5lwm7eorRq0gyadnBbBAgczF4BMf4zn686Su3znF4UjpNGeCOPs3gunrhDzP4sfzg55MjpcLSXCxTcTmkWeTI-KrOrXHcxx7v7G5hdiNTpvPPiXwzdo3Hkgz5KcLo7H5ZllfOdrjyMSxUeTMIda' },
      ],
      noMatch: [{ text: 'password = pypi-AgENdGVzdC5weXBpLm9yZw', firedBy: ['generic-password-config'] }, 'repository = https://test.pypi.org/legacy/'],
    },
  },
  {
    id: 'rubygems-api-key',
    formatSource: 'described',
    title: 'RubyGems API key',
    severity: 'critical',
    family,
    provider: 'RubyGems',
    rotateUrl: 'https://rubygems.org/profile/api_keys',
    regex: prefixedToken('rubygems_[a-f0-9]{48}'),
    keywords: ['rubygems_'],
    entropy: 3,
    examples: {
      match: [
        { text: ':rubygems_api_key: rubygems_eac2cc4d8be608159ba4e54ad74228791e607489af6810cf', secret: 'rubygems_eac2cc4d8be608159ba4e54ad74228791e607489af6810cf' },
        { text: 'GEM_HOST_API_KEY="rubygems_180c0c15babae0ff2e90f60742d2bfda618c27c67b7458d8"', secret: 'rubygems_180c0c15babae0ff2e90f60742d2bfda618c27c67b7458d8' },
      ],
      noMatch: [':rubygems_api_key: rubygems_0000000000000000000000000000000000000000000000000', 'GEM_HOST_API_KEY="rubygems_<key>"'],
    },
  },
  {
    id: 'nuget-api-key',
    formatSource: 'described',
    title: 'NuGet.org API key',
    severity: 'critical',
    family,
    provider: 'NuGet',
    rotateUrl: 'https://www.nuget.org/account/apikeys',
    regex: prefixedToken('oy2[a-z0-9]{43}'),
    keywords: ['oy2'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'dotnet nuget push pkg.nupkg --api-key oy2kmqeacmr93iyxkxvp08itp8uzhqzn723lell4ux51ww --source nuget.org', secret: 'oy2kmqeacmr93iyxkxvp08itp8uzhqzn723lell4ux51ww' },
        { text: 'NUGET_API_KEY=oy2pny8d41o3hl3ffjidw3qhwwvnnjvjisqi99aq6xxeng', secret: 'oy2pny8d41o3hl3ffjidw3qhwwvnnjvjisqi99aq6xxeng' },
      ],
      noMatch: ['NUGET_API_KEY=oy2aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', { text: 'NUGET_API_KEY=oy2ajb7efff91vv93y9a2l9', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'nuget-config-password',
    shape: 'password',
    formatSource: 'described',
    title: 'Password in a NuGet.config package source credential',
    severity: 'high',
    family,
    provider: 'NuGet',
    regex: '<add\\s{1,5}key=\\s{0,3}"(?:ClearText)?Password"\\s{1,5}value=\\s{0,3}"(?<secret>[^"\\s]{8,200})"',
    flags: 'i',
    keywords: ['password"'],
    entropy: 2.5,
    // %VAR% is NuGet's own environment-variable substitution.
    allow: ['^%[A-Za-z_][A-Za-z0-9_]{0,60}%$'],
    examples: {
      match: [
        { text: '      <add key="ClearTextPassword" value="q8#Lw2!vR9zT" />', secret: 'q8#Lw2!vR9zT' },
        { text: '<add key="Password" value="AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAAkKK7ZfgQxltLdXYWA50p0Zztq4vxj/FGgUb3unvA" />', secret: 'AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAAkKK7ZfgQxltLdXYWA50p0Zztq4vxj/FGgUb3unvA' },
      ],
      noMatch: ['<add key="ClearTextPassword" value="%NUGET_FEED_PASSWORD%" />', '<add key="Username" value="builduser@example.org" />'],
    },
  },
];
