import type { KeySeed, TokenSeed } from './types';

/**
 * Fixed demo credentials, used when the emulator starts without any. Fixed (not random) so a
 * developer can paste them into the extension's settings once and keep them across restarts.
 */

const MAIN_KEY = 'cs_demo_4f9a2c7e1b8d4a6f0e3c5b7d';
const TEAM_KEY = 'cs_demo_team_9c3e5b1a7d2f4e6a';
const LINKEDIN_TOKEN = 'li_demo_AQX7kP2qMz9aLs8vT1nYhR4wE6uJ0bC3';
const LINKEDIN_SUB = 'x7Kp2QmZ9a';

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
});
