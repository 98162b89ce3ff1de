/**
 * The shape of a service module's handler map, typed from the channel contracts
 * (shared/contracts/): each handler receives the payload as its channel's schema parsed it
 * (the router parsed it; no service parses it again) and answers the channel's output. The
 * router merges the maps of every area; the compiler checks each against its contract.
 */
import type { ApiOutputs, ApiParsedInputs, Channel, SignedOutChannel } from '../../shared/api.ts';
import type { ServiceContext, Session } from './context.ts';

/** What a handler of channel C receives. */
export type Input<C extends Channel> = ApiParsedInputs[C];

/** A channel of a signed-in user: the context of the request, the parsed payload, and the session (to sign out). */
export type Handler<C extends Channel> = (ctx: ServiceContext, input: Input<C>, session: Session) => ApiOutputs[C];

/** A channel answered when nobody is signed in (shared/api.ts SIGNED_OUT_CHANNELS): the session, and the parsed payload. */
export type SignedOutHandler<C extends Channel> = (session: Session, input: Input<C>) => ApiOutputs[C];

/** The handlers of an area's channels (`keyof typeof <area>Contract`). */
export type Handlers<K extends Channel> = { [C in K]: C extends SignedOutChannel ? SignedOutHandler<C> : Handler<C> };
