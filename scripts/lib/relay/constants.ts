/** The GitHub repository name of every user's relay (walnut-package-v2.md 6.1). */
export const RELAY_REPO_NAME = 'walnut-relay';
