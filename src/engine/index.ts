/**
 * The engine's public API: the CLI, the browser session and outside checks call only this, so it
 * stays stable while the inside changes.
 */

export { canonicalJson, sha256Hex, stateHash } from '../core/hash.ts';
export { dataOnly, dict, has, own } from '../core/own.ts';
export { availableActions, moveChoiceCount, seatActions } from './actions.ts';
export { applyAction, createGame, type GameOptions, heldSeats } from './apply-action.ts';
export { tierFor } from './auto.ts';
export { type Checkpoint, checkpointOf, type Difference, diffValues } from './checkpoint.ts';
export { positionHolds } from './conditions.ts';
export { ballotOf, expandTargets } from './flow.ts';
export { continueGame } from './fork.ts';
export { compileGame, type Game, positionState, transitionAt } from './game.ts';
export { legacyStateHash } from './legacy.ts';
export { effectiveReservation, isActive, judgeOffer, utilityOf } from './parties.ts';
export { agreedOf, agreementsOf, metersOf, positionOf, positionText } from './party-state.ts';
export { outcomeOf, replay, seatedActions, tiersOf } from './replay.ts';
export {
  type DecodedReplayCode,
  decodeReplayCode,
  encodeReplayCode,
  type ParsedReplayCode,
  REPLAY_CODE_LIMITS,
  REPLAY_CODE_PREFIX,
  type ReplayCodeError,
  readReplayCode,
} from './replay-code.ts';
export {
  type AnyReplayFile,
  buildReplay,
  REPLAY_LIMITS,
  type ReplayFile,
  type ReplayFileV1,
  readReplay,
  type Verification,
  verifyReplay,
} from './replay-file.ts';
export { responseCode } from './response-code.ts';
export { type Rng, restoreRng, seedRng } from './rng.ts';
export {
  chooseAction,
  evaluate,
  playGame,
  type SeatStrategies,
  STRATEGIES,
  type StrategyName,
} from './strategies.ts';
export type {
  Action,
  ActionInput,
  EngineError,
  GameState,
  LogEntry,
  OutcomeResult,
  PartyContext,
  PartyState,
  PositionValue,
  StoredPosition,
  VoteState,
} from './types.ts';
export { ENGINE_VERSION } from './version.ts';
export { type SeatBrief, type SeatView, seatBrief, viewFor, visibleLog } from './view.ts';
