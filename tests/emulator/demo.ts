import type { KeySeed, OAuthClientSeed, OrganizationSeed, TokenSeed } from './types';

/**
 * Fixed demo credentials, used when the emulator starts without any. Fixed (not random) so a
 * developer can paste them into the extension's settings once and keep them across restarts.
 */

const MAIN_KEY = 'cs_demo_4f9a2c7e1b8d4a6f0e3c5b7d';
const TEAM_KEY = 'cs_demo_team_9c3e5b1a7d2f4e6a';
const LINKEDIN_TOKEN = 'li_demo_AQX7kP2qMz9aLs8vT1nYhR4wE6uJ0bC3';
const LINKEDIN_SUB = 'x7Kp2QmZ9a';
const LINKEDIN_CLIENT_ID = '78rb4demo2kq9x';
const LINKEDIN_CLIENT_SECRET = 'WPL_AP1.dEm0Rb7kQ2mZ9aLs.8vT1nY==';
/** A page the demo member administers, so can react as. */
const PAGE_ID = '2414183';

export const DEMO_KEYS: KeySeed[] = [
  {
    apiKey: MAIN_KEY,
    plan: 'standard',
    accounts: [
      {
        id: '65f1c2a9e4b0d71a3c8e5f20',
        firstName: 'Maya',
        lastName: 'Lindqvist',
        publicId: 'maya-lindqvist',
        picture: 'https://media.licdn.com/dms/image/demo/maya-lindqvist.jpg',
        status: 'active',
        apiSeatAllocated: true,
        createdAt: '2025-03-14T09:26:53.000Z',
      },
      {
        id: '65f1c2a9e4b0d71a3c8e5f21',
        firstName: 'Tomás',
        lastName: 'Herrera',
        publicId: 'tomas-herrera-7b2',
        picture: null,
        status: 'active',
        apiSeatAllocated: true,
        createdAt: '2025-06-02T15:04:11.000Z',
      },
    ],
  },
  {
    apiKey: TEAM_KEY,
    plan: 'enterprise',
    accounts: [
      {
        id: '66a0b3d7c2e9f4158a6d0b3c',
        firstName: 'Priya',
        lastName: 'Raman',
        publicId: 'priya-raman',
        picture: 'https://media.licdn.com/dms/image/demo/priya-raman.jpg',
        status: 'active',
        apiSeatAllocated: true,
        createdAt: '2025-08-21T11:45:00.000Z',
      },
    ],
  },
];

export const DEMO_TOKENS: TokenSeed[] = [
  { token: LINKEDIN_TOKEN, sub: LINKEDIN_SUB, givenName: 'Maya', familyName: 'Lindqvist' },
];

/** The demo member's own LinkedIn app: any https or loopback redirect URL, every scope. */
export const DEMO_OAUTH_CLIENTS: OAuthClientSeed[] = [
  { clientId: LINKEDIN_CLIENT_ID, clientSecret: LINKEDIN_CLIENT_SECRET, name: 'Reactbar Demo App' },
];

/**
 * Pages and the demo member's roles on them: two that allow reacting (an administrator, a
 * recruiting poster), and two that do not (an analyst's role, a role still requested).
 */
export const DEMO_ORGANIZATIONS: OrganizationSeed[] = [
  {
    id: PAGE_ID,
    localizedName: 'Northwind Labs',
    vanityName: 'northwind-labs',
    roles: [{ sub: LINKEDIN_SUB, role: 'ADMINISTRATOR' }],
  },
  {
    id: '5100421',
    localizedName: 'Fjord Analytics',
    roles: [{ sub: LINKEDIN_SUB, role: 'RECRUITING_POSTER' }],
  },
  {
    id: '7788990',
    localizedName: 'Tern & Co',
    roles: [{ sub: LINKEDIN_SUB, role: 'ANALYST' }],
  },
  {
    id: '3300112',
    localizedName: 'Lumen Press',
    roles: [{ sub: LINKEDIN_SUB, role: 'ADMINISTRATOR', state: 'REQUESTED' }],
  },
];

export interface DemoCredentials {
  connectSafelyKey: string;
  accountId: string;
  secondAccountId: string;
  otherConnectSafelyKey: string;
  otherAccountId: string;
  linkedinToken: string;
  sub: string;
  actor: string;
  mailboxProfileId: string;
  linkedinClientId: string;
  linkedinClientSecret: string;
  /** `urn:li:organization:<id>` of the page the demo member administers. */
  pageActor: string;
}

/** The demo credentials, flattened for tests and for pasting into the extension. */
export const DEMO_CREDENTIALS: Readonly<DemoCredentials> = Object.freeze({
  connectSafelyKey: MAIN_KEY,
  accountId: '65f1c2a9e4b0d71a3c8e5f20',
  secondAccountId: '65f1c2a9e4b0d71a3c8e5f21',
  otherConnectSafelyKey: TEAM_KEY,
  otherAccountId: '66a0b3d7c2e9f4158a6d0b3c',
  linkedinToken: LINKEDIN_TOKEN,
  sub: LINKEDIN_SUB,
  actor: `urn:li:person:${LINKEDIN_SUB}`,
  /** The signed-in member's messaging mailbox, as in `urn:li:fsd_profile:<id>`. */
  mailboxProfileId: 'ACoAAD3mPqQBx7Kp2QmZ9aLs8vT1nYhR4wE',
  linkedinClientId: LINKEDIN_CLIENT_ID,
  linkedinClientSecret: LINKEDIN_CLIENT_SECRET,
  pageActor: `urn:li:organization:${PAGE_ID}`,
});
