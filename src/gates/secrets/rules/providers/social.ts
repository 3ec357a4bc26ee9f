import type { SecretRule } from '../../rule.js';
import { UUID, assignedTo, prefixedToken } from './patterns.js';

const family = 'saas';
const twitterPortal = 'https://developer.x.com/en/portal/dashboard';
// Both names are in use in code written before and after the rename.
const twitterNames = 'twitter|x[_-]api|x[_-]consumer|x[_-]access|x[_-]bearer';
const twitterKeywords = ['twitter', 'x_api', 'x-api', 'x_consumer', 'x-consumer', 'x_access', 'x-access', 'x_bearer', 'x-bearer'];

export const rules: SecretRule[] = [
  {
    id: 'twitter-bearer-token',
    formatSource: 'described',
    title: 'X (Twitter) API bearer token',
    severity: 'high',
    family,
    provider: 'Twitter',
    rotateUrl: twitterPortal,
    // App-only bearer tokens open with a long run of "A"s, then URL-encoded base64.
    regex: prefixedToken('AAAAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{80,120}'),
    keywords: ['aaaaaaaaaaaaaaaaaaaaaa'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAACe1pavh9H9FhhMPvbAsIpMMZQHnDPj%3DzQ2vlhdSyqs2XwyhE3glJiOVo8tVzwlbhz3HDiLG7dQXQYDEfZ', secret: 'AAAAAAAAAAAAAAAAAAAAAACe1pavh9H9FhhMPvbAsIpMMZQHnDPj%3DzQ2vlhdSyqs2XwyhE3glJiOVo8tVzwlbhz3HDiLG7dQXQYDEfZ' },
        { text: 'bearer_token = "AAAAAAAAAAAAAAAAAAAAAAR24bcHefaLOoQfCf3c5465wS8Ii8DRlPxa7TS1uFbZULuzEiu0BbCrihb25OIYlsm0BaATfxUQFILDclVpXlNqZ6fr"', secret: 'AAAAAAAAAAAAAAAAAAAAAAR24bcHefaLOoQfCf3c5465wS8Ii8DRlPxa7TS1uFbZULuzEiu0BbCrihb25OIYlsm0BaATfxUQFILDclVpXlNqZ6fr' },
      ],
      noMatch: ['TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAAA...', 'pixels: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"'],
    },
  },
  {
    id: 'twitter-access-token',
    formatSource: 'described',
    title: 'X (Twitter) user access token',
    severity: 'high',
    family,
    provider: 'Twitter',
    rotateUrl: twitterPortal,
    // <numeric user id>-<random part>
    regex: assignedTo(twitterNames, '\\d{5,25}-[A-Za-z0-9]{20,40}'),
    flags: 'i',
    keywords: twitterKeywords,
    entropy: 3.5,
    examples: {
      match: [
        { text: 'TWITTER_ACCESS_TOKEN=4439469825707028211-XAj9GAyaGsSPtaTjDQaXnGCTlYzEgk', secret: '4439469825707028211-XAj9GAyaGsSPtaTjDQaXnGCTlYzEgk' },
        { text: 'X_ACCESS_TOKEN: "6230159934-BWvLygCTNzUf6yY5uXLq5W2oX6jD2g"', secret: '6230159934-BWvLygCTNzUf6yY5uXLq5W2oX6jD2g' },
      ],
      noMatch: ['TWITTER_ACCESS_TOKEN=<user-id>-<token>', 'TWITTER_CALLBACK=https://app.local/callback'],
    },
  },
  {
    id: 'twitter-api-key',
    formatSource: 'described',
    title: 'X (Twitter) API key (consumer key)',
    severity: 'medium',
    family,
    provider: 'Twitter',
    rotateUrl: twitterPortal,
    regex: assignedTo(twitterNames, '[A-Za-z0-9]{25}'),
    flags: 'i',
    keywords: twitterKeywords,
    entropy: 3.5,
    examples: {
      match: [
        { text: 'TWITTER_API_KEY=FQXtfj123MkIKjzmQlI4asgiN', secret: 'FQXtfj123MkIKjzmQlI4asgiN' },
        { text: 'x_consumer_key: "KMmpwD0xvGFPGbjdSlGGTvuhe"', secret: 'KMmpwD0xvGFPGbjdSlGGTvuhe' },
      ],
      noMatch: ['TWITTER_API_KEY=your_twitter_api_key_here', 'TWITTER_HANDLE=@acme'],
    },
  },
  {
    id: 'twitter-api-secret',
    formatSource: 'described',
    title: 'X (Twitter) API secret (consumer secret)',
    severity: 'high',
    family,
    provider: 'Twitter',
    rotateUrl: twitterPortal,
    regex: assignedTo(twitterNames, '[A-Za-z0-9]{50}'),
    flags: 'i',
    keywords: twitterKeywords,
    entropy: 3.5,
    examples: {
      match: [
        { text: 'TWITTER_API_SECRET=XTKutQG7tx83EiOyJSK7iEDhtTcRbLMutDMY8FUUCmNCdo7NjY', secret: 'XTKutQG7tx83EiOyJSK7iEDhtTcRbLMutDMY8FUUCmNCdo7NjY' },
        { text: 'x_consumer_secret: "D48RBgXF9HxBLIXW5m4OMYnTLBR2zAaYDjGvBaDT1F71sdINw3"', secret: 'D48RBgXF9HxBLIXW5m4OMYnTLBR2zAaYDjGvBaDT1F71sdINw3' },
      ],
      noMatch: ['TWITTER_API_SECRET=${TWITTER_API_SECRET}', { text: 'TWITTER_API_SECRET=MtGBWJlYhmd7zGZcy2QNhQ2NlgYHApNnQzGvSWDg', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'twitter-access-token-secret',
    formatSource: 'described',
    title: 'X (Twitter) access token secret',
    severity: 'high',
    family,
    provider: 'Twitter',
    rotateUrl: twitterPortal,
    regex: assignedTo(twitterNames, '[A-Za-z0-9]{45}'),
    flags: 'i',
    keywords: twitterKeywords,
    entropy: 3.5,
    examples: {
      match: [
        { text: 'TWITTER_ACCESS_TOKEN_SECRET=gMCH0hB0WHeX1O1O0TYWtdx3lcohslJfft9PpBSxNE0rP', secret: 'gMCH0hB0WHeX1O1O0TYWtdx3lcohslJfft9PpBSxNE0rP' },
        { text: 'twitter_access_secret: "BiEOaFVQF3WdQOWTXZgqR7J6thOhOIENRztfShCdRpwJS"', secret: 'BiEOaFVQF3WdQOWTXZgqR7J6thOhOIENRztfShCdRpwJS' },
      ],
      noMatch: ['TWITTER_ACCESS_TOKEN_SECRET=', { text: 'TWITTER_ACCESS_TOKEN_SECRET=plrGCf7IMHSD2qPtBxTN8NABL7GqMKidXDy5NAmtZjpYNhIs', firedBy: ['generic-secret-config'] }],
    },
  },
  {
    id: 'twitch-api-token',
    formatSource: 'described',
    title: 'Twitch client secret or OAuth token',
    severity: 'high',
    family,
    provider: 'Twitch',
    rotateUrl: 'https://dev.twitch.tv/console/apps',
    regex: assignedTo('twitch', '[a-z0-9]{30}', undefined, '(?:oauth:)?'),
    flags: 'i',
    keywords: ['twitch'],
    entropy: 3.5,
    examples: {
      match: [
        { text: 'TWITCH_CLIENT_SECRET=mzvb9okrfywz95d5kavpdo6bk6ab9t', secret: 'mzvb9okrfywz95d5kavpdo6bk6ab9t' },
        { text: 'twitch_oauth_token: "oauth:7dcy5s3utd6gnmvo609mofil3oit9w"', secret: '7dcy5s3utd6gnmvo609mofil3oit9w' },
      ],
      noMatch: ['TWITCH_CLIENT_SECRET=<secret>', 'TWITCH_CHANNEL=some_streamer_name_here_123456'],
    },
  },
  {
    id: 'spotify-client-secret',
    formatSource: 'described',
    title: 'Spotify client secret',
    severity: 'high',
    family,
    provider: 'Spotify',
    rotateUrl: 'https://developer.spotify.com/dashboard',
    regex: assignedTo('spotify[\\w.-]{0,20}?secret', '[a-f0-9]{32}'),
    flags: 'i',
    keywords: ['spotify'],
    entropy: 3,
    examples: {
      match: [
        { text: 'SPOTIFY_CLIENT_SECRET=1b4228c83ace82d6f903abc083ca0fc4', secret: '1b4228c83ace82d6f903abc083ca0fc4' },
        { text: 'spotify_secret: "fb92143f5330364a77cff085e98e9027"', secret: 'fb92143f5330364a77cff085e98e9027' },
      ],
      noMatch: ['SPOTIFY_CLIENT_ID=b9a560008a75ea759d33d71d96fdcfa6', 'SPOTIFY_CLIENT_SECRET=<client-secret>'],
    },
  },
  {
    id: 'steam-web-api-key',
    formatSource: 'described',
    title: 'Steam Web API key',
    severity: 'medium',
    family,
    provider: 'Steam',
    rotateUrl: 'https://steamcommunity.com/dev/apikey',
    regex: assignedTo('steam', '[A-F0-9]{32}'),
    flags: 'i',
    keywords: ['steam'],
    entropy: 3,
    examples: {
      match: [
        { text: 'STEAM_API_KEY=A7DE2EE5DA0C17A6247F0B864AD15326', secret: 'A7DE2EE5DA0C17A6247F0B864AD15326' },
        { text: 'steam_web_api_key: "84EA0EE6F18604F2EFE8D64D30E0F111"', secret: '84EA0EE6F18604F2EFE8D64D30E0F111' },
      ],
      noMatch: ['STEAM_API_KEY=<key>', 'steam_app_id: 730'],
    },
  },
  {
    id: 'riot-games-api-key',
    formatSource: 'described',
    title: 'Riot Games API key',
    severity: 'medium',
    family,
    provider: 'Riot Games',
    rotateUrl: 'https://developer.riotgames.com',
    regex: prefixedToken(`RGAPI-${UUID}`),
    keywords: ['rgapi-'],
    entropy: 3,
    examples: {
      match: [
        { text: 'RIOT_API_KEY=RGAPI-ceeca281-8189-4c74-ae23-cc325e99080b', secret: 'RGAPI-ceeca281-8189-4c74-ae23-cc325e99080b' },
        { text: 'headers = {"X-Riot-Token": "RGAPI-a7b670c6-6a26-44dd-8c1e-c2f900298de1"}', secret: 'RGAPI-a7b670c6-6a26-44dd-8c1e-c2f900298de1' },
      ],
      noMatch: ['RIOT_API_KEY=RGAPI-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', 'RIOT_API_KEY=RGAPI-<key>'],
    },
  },
  {
    id: 'linkedin-client-secret',
    formatSource: 'described',
    title: 'LinkedIn OAuth client secret',
    severity: 'high',
    family,
    provider: 'LinkedIn',
    rotateUrl: 'https://www.linkedin.com/developers/apps',
    regex: assignedTo('linked[_-]?in[\\w.-]{0,20}?secret', '(?:WPL_AP\\d\\.[A-Za-z0-9]{16}\\.[A-Za-z0-9]{8}==|[A-Za-z0-9]{16})', '\\w.=-'),
    flags: 'i',
    keywords: ['linkedin', 'linked_in', 'linked-in'],
    entropy: 3,
    examples: {
      match: [
        { text: 'LINKEDIN_CLIENT_SECRET=xqpX3ihLPTwBDZVf', secret: 'xqpX3ihLPTwBDZVf' },
        { text: 'linkedin_client_secret: "WPL_AP1.jVcUxdNgSPPwfQcS.jLNYhl6a=="', secret: 'WPL_AP1.jVcUxdNgSPPwfQcS.jLNYhl6a==' },
      ],
      noMatch: [{ text: 'LINKEDIN_CLIENT_ID=t00ryjdi8byy2c', firedBy: ['linkedin-client-id'] }, 'LINKEDIN_CLIENT_SECRET=<client-secret>'],
    },
  },
  {
    id: 'linkedin-client-id',
    formatSource: 'described',
    title: 'LinkedIn OAuth client id',
    severity: 'low',
    family,
    provider: 'LinkedIn',
    regex: assignedTo('linked[_-]?in[\\w.-]{0,20}?(?:client|app)[_.-]?id', '[a-z0-9]{14}'),
    flags: 'i',
    keywords: ['linkedin', 'linked_in', 'linked-in'],
    entropy: 3,
    examples: {
      match: [
        { text: 'LINKEDIN_CLIENT_ID=lvxrb22ijc3168', secret: 'lvxrb22ijc3168' },
        { text: 'linkedinAppId: "riucapb2dvhlg4"', secret: 'riucapb2dvhlg4' },
      ],
      noMatch: ['LINKEDIN_CLIENT_ID=<client-id>', 'LINKEDIN_COMPANY=acme-corporation'],
    },
  },
];
