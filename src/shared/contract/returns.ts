/** A phantom marker carrying a response type through the contract at zero runtime cost. */
export const returns = <T>() => undefined as unknown as T;
