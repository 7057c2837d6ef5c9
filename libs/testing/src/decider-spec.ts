// Given events / When command / Then events or error: the one shape every decider test takes.
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}

export function deciderSpec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(events: Event[] = []) {
      const state = events.reduce(decider.evolve, decider.initialState);
      return {
        when(command: Command) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: Event[]) {
              expect(run()).toEqual(expected);
            },
            thenNothingHappens() {
              expect(run()).toEqual([]);
            },
            thenThrows(error: new (...args: never[]) => Error, message?: string | RegExp) {
              expect(run).toThrow(error);
              if (message) expect(run).toThrow(message);
            },
            /** The events themselves, for assertions that only care about part of them. */
            events: run,
          };
        },
      };
    },
  };
}
