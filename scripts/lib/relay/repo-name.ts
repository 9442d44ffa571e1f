import { AliveError } from '../errors.ts';
import { inlineText } from '../text/untrusted.ts';
import { isValidLogin } from './names.ts';

/** `owner/repo` (or a github.com URL of one) split into its parts; anything else is refused. */
export function splitRepo(repo: string): { owner: string; repo: string } {
  const cleaned = repo
    .replace(/^https?:\/\/github\.com\//i, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  const [owner, name, extra] = cleaned.split('/');
  if (!owner || !name || extra !== undefined || !isValidLogin(owner) || !/^[A-Za-z0-9._-]{1,100}$/.test(name)) {
    throw new AliveError(`'${inlineText(repo)}' is not a GitHub repository name of the form owner/repo`, { code: 'bad_repo' });
  }
  return { owner, repo: name };
}
