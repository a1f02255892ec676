/**
 * Whom a LinkedIn token can react as: the member, and the pages the member may react for. For
 * the popup's Accounts tab; names are fetched live and never stored (LinkedIn's terms allow
 * keeping person URNs only).
 */
import { type Failure, ServiceError } from '../../engine/types';
import type { LinkedInClient, LinkedInMember, OrganizationRole } from './client';

export interface PageActor {
  /** `urn:li:organization:<id>`: the actor. */
  urn: string;
  id: string;
  /** Null when the page's name could not be read. */
  name: string | null;
  roles: OrganizationRole[];
}

export interface LinkedInActors {
  member: LinkedInMember;
  pages: PageActor[];
  /**
   * Why no pages could be listed, if so: usually permission-missing (rw_organization_admin: the
   * token was made without the page scopes). The member can still react as themself.
   */
  pagesUnavailable?: Failure;
}

/**
 * The member (userinfo: a failure here is the token's failure, thrown) and their pages
 * (organizationAcls, then each page's name; failures there are reported, not thrown).
 */
export async function listActors(client: LinkedInClient): Promise<LinkedInActors> {
  const member = await client.member();
  let access: Awaited<ReturnType<LinkedInClient['organizationAccess']>>;
  try {
    access = await client.organizationAccess();
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return { member, pages: [], pagesUnavailable: error.failure };
  }
  const pages = await Promise.all(
    access.map(async (page) => ({
      urn: page.urn,
      id: page.id,
      roles: page.roles,
      name: await client.organization(page.id).then(
        (info) => info.name,
        () => null,
      ),
    })),
  );
  return { member, pages };
}
