// Which screen the app frame shows.
export type Screen = 'session' | 'connection' | 'library' | 'team';

class Navigation {
  screen = $state<Screen>('session');
  /** Bumped to ask the session form to take focus (menu "Open session"). */
  focusSessionInput = $state(0);
}

export const navigation = new Navigation();
