import type { Difference } from "./compare.js";
import type { Answer, Side, StepRequest } from "./exchange.js";

/** A step of the scenario, as the scenario describes it. */
export interface Step {
  operation: string;
  step: string;
  /** The request, built for each side from what that side answered before (its ids, its objects). */
  request: (side: Side & { objects: Map<string, Record<string, unknown>> }) => StepRequest;
  expectedStatus: number;
  documented?: Record<string, string>;
  /** The role of the object this step creates, if it creates one. */
  creates?: string;
  /** The role of the object this step deletes, if it deletes one. */
  deletes?: string;
}

/** Both sides' answers to a step: the target's (or why there is none) and the fake's. */
export interface Answers {
  target: Answer | undefined;
  fake: Answer | undefined;
}

/** What a scenario may do: run a step, record a difference of its own, stop the check. */
export interface Session {
  step(step: Step): Promise<Answers>;
  record(difference: Omit<Difference, "id" | "requestId">, where: string, requestId?: string | null): void;
  /** The role's id on each side. */
  idOf(role: string): { target?: string; fake?: string };
  /** The role of an object on a side, by its id; undefined for an object this run did not make. */
  roleOf(side: "target" | "fake", id: unknown): string | undefined;
  run: string;
}

/** Raised by a scenario to stop the check at once (cleanup still runs). */
export class StopCheck extends Error {}
