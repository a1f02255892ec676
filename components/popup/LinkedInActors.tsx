import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { i18n } from '#i18n';
import type { LinkedInConnectionSummary, LinkedInOverview } from '@/lib/messaging/linkedin';
import { backgroundMessenger } from '@/lib/messaging/protocol';
import { pageId, roleWords } from './linkedin-format';
import { LINKEDIN_KEY, useLinkedInActors } from './queries';
import { alertText, errorMessage, focusRing, mutedText, secondaryButton } from './ui';

const RADIO_NAME = 'reactbar-linkedin-actor';

interface Choice {
  actor: string;
  label: string;
  details: string;
}

/**
 * Whom LinkedIn reactions act as: the member, or a page they may react for. The names come
 * from LinkedIn as the popup opens (never stored); the choice is the background's.
 */
export function LinkedInActors({ connection }: { connection: LinkedInConnectionSummary }) {
  const queryClient = useQueryClient();
  const id = useId();
  const actors = useLinkedInActors(connection.id);

  // The choice being made: the radios show it until the background's answer is in the cache,
  // whatever refetch lands meanwhile (one started by a broadcast may answer from before it).
  const [choosing, setChoosing] = useState<string | null>(null);
  const choose = useMutation({
    mutationFn: ({ actor }: { actor: string; before?: LinkedInOverview }) =>
      backgroundMessenger.sendMessage('setLinkedInActor', { actor }),
    onError: (_error, { before }) => {
      if (before) queryClient.setQueryData(LINKEDIN_KEY, before);
    },
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: LINKEDIN_KEY });
      setChoosing(null);
    },
  });

  /** The radio follows the click in the same render; the background may still refuse. */
  function chooseActor(actor: string): void {
    const before = queryClient.getQueryData<LinkedInOverview>(LINKEDIN_KEY);
    void queryClient.cancelQueries({ queryKey: LINKEDIN_KEY });
    queryClient.setQueryData<LinkedInOverview>(LINKEDIN_KEY, (old) =>
      old?.connection ? { ...old, connection: { ...old.connection, actor } } : old,
    );
    setChoosing(actor);
    choose.mutate({ actor, before });
  }
  const chosen = choosing ?? connection.actor;

  if (actors.isPending) {
    return <p className={mutedText}>{i18n.t('linkedinActors.asking')}</p>;
  }
  if (actors.isError) {
    return (
      <div className="space-y-1">
        <p role="alert" className={alertText}>
          {errorMessage(actors.error)}
        </p>
        <button type="button" onClick={() => void actors.refetch()} className={secondaryButton}>
          {i18n.t('linkedinActors.askAgain')}
        </button>
      </div>
    );
  }

  const { member, pages, pagesNote } = actors.data;
  const choices: Choice[] = [
    {
      actor: connection.member,
      label: member.name ?? i18n.t('linkedinActors.you'),
      details: i18n.t('linkedinActors.youAsMember'),
    },
    ...pages.map((page) => ({
      actor: page.urn,
      label: page.name ?? i18n.t('linkedinActors.page', [pageId(page.urn)]),
      details: i18n.t('linkedinActors.pageRoles', [roleWords(page.roles)]),
    })),
  ];
  // A page chosen before that LinkedIn no longer lists: still shown, so the choice is visible.
  if (!choices.some((choice) => choice.actor === chosen)) {
    choices.push({
      actor: chosen,
      label: i18n.t('linkedinActors.page', [pageId(chosen)]),
      details: i18n.t('linkedinActors.noLongerListed'),
    });
  }

  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-xs font-medium">{i18n.t('linkedinActors.legend')}</legend>
      <ul className="space-y-1">
        {choices.map((choice) => {
          const inputId = `${id}-${choice.actor}`;
          return (
            <li
              key={choice.actor}
              className="flex items-start gap-2 rounded px-1 py-1 has-[:checked]:bg-blue-50 dark:has-[:checked]:bg-blue-950"
            >
              <input
                id={inputId}
                type="radio"
                name={RADIO_NAME}
                value={choice.actor}
                checked={chosen === choice.actor}
                onChange={() => chooseActor(choice.actor)}
                aria-describedby={`${inputId}-details`}
                className={`mt-0.5 accent-brand ${focusRing}`}
              />
              <div className="min-w-0 flex-1">
                <label htmlFor={inputId} className="block truncate text-sm font-medium">
                  {choice.label}
                </label>
                <p id={`${inputId}-details`} className={mutedText}>
                  {choice.details}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      {pagesNote ? <p className={mutedText}>{pagesNote}</p> : null}
      {choose.isError ? (
        <p role="alert" className={alertText}>
          {errorMessage(choose.error)}
        </p>
      ) : null}
    </fieldset>
  );
}
