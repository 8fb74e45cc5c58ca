// The named incident scenarios and their on/off state. Traffic generators read the state or
// subscribe to changes; the control API and `Demo.setScenario` switch them.

export const scenarioNames = [
  "tool-error-spike",
  "approval-backlog",
  "slow-memory-search",
  "token-budget-burn",
  "hung-tool-call",
  "unpriced-model",
  "slow-first-token",
  "runaway-loop",
] as const;

export type ScenarioName = (typeof scenarioNames)[number];

export function isScenarioName(name: unknown): name is ScenarioName {
  return typeof name === "string" && (scenarioNames as readonly string[]).includes(name);
}

export function unknownScenario(name: unknown): string {
  return `unknown scenario ${JSON.stringify(name)} (known: ${scenarioNames.join(", ")})`;
}

type Listener = (on: boolean) => void;

export class Scenarios {
  private readonly state = new Map<ScenarioName, boolean>(scenarioNames.map((n) => [n, false]));
  private readonly listeners = new Map<ScenarioName, Listener[]>();

  isOn(name: ScenarioName): boolean {
    return this.state.get(name) === true;
  }

  /** Switches a scenario; listeners hear only real changes. Throws on an unknown name. */
  set(name: string, on: boolean): void {
    if (!isScenarioName(name)) throw new Error(unknownScenario(name));
    if (this.state.get(name) === on) return;
    this.state.set(name, on);
    for (const listener of this.listeners.get(name) ?? []) listener(on);
  }

  onChange(name: ScenarioName, listener: Listener): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }

  states(): Record<ScenarioName, boolean> {
    return Object.fromEntries(this.state) as Record<ScenarioName, boolean>;
  }
}
