// Dispatches a command line to its command and turns failures into exit codes: 2 for a usage
// error or an endpoint that cannot be checked, with a message saying which.
import { parseCatalogArgs, parseCheckArgs } from "./args.js";
import { catalogCommand } from "./catalog-command.js";
import { checkCommand } from "./check-command.js";
import { UsageError } from "./errors.js";
import { EndpointError } from "./exposition/scrape.js";
import { catalogUsage, checkUsage, mainUsage } from "./usage.js";

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const PROGRAM = "agent-observability";

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "check": {
      const args = parseCheckArgs(rest);
      if (!args.help) return checkCommand(args, io.out);
      io.out(checkUsage);
      return 0;
    }
    case "catalog": {
      const args = parseCatalogArgs(rest);
      if (!args.help) return catalogCommand(args, io.out);
      io.out(catalogUsage);
      return 0;
    }
    case "help":
    case "--help":
    case "-h":
      io.out(mainUsage);
      return 0;
    case undefined:
      io.err(mainUsage);
      return 2;
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)} (commands: check, catalog)`);
  }
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const command = argv[0] === "check" || argv[0] === "catalog" ? ` ${argv[0]}` : "";
      io.err(`${PROGRAM}: ${error.message}\n(${PROGRAM}${command} --help lists the options)\n`);
      return 2;
    }
    if (error instanceof EndpointError) {
      io.err(`${PROGRAM}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
