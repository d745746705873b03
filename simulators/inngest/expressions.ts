// A small subset of CEL, enough for what functions put in trigger `if`s and flow-control keys:
// paths (`event.data.storeId`, `event.data["x"]`), string/number/bool/null literals, `==`, `!=`, `<`, `<=`,
// `>`, `>=`, `&&`, `||`, `!`, `+` (numbers or string concatenation) and parentheses. Anything else throws,
// so an unsupported expression fails loudly instead of silently matching everything.

type Token = { kind: "str" | "num" | "ident" | "op"; value: string };

const OPERATORS = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", ".", "[", "]", "(", ")"];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      let value = "";
      i++;
      while (i < source.length && source[i] !== ch) {
        if (source[i] === "\\") i++;
        value += source[i] ?? "";
        i++;
      }
      if (i >= source.length) throw new Error(`Unsupported expression (unterminated string): ${source}`);
      i++;
      tokens.push({ kind: "str", value });
    } else if (/[0-9]/.test(ch)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ kind: "num", value: match[0] });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      tokens.push({ kind: "ident", value: match[0] });
      i += match[0].length;
    } else {
      const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
      if (!op) throw new Error(`Unsupported expression (character "${ch}"): ${source}`);
      tokens.push({ kind: "op", value: op });
      i += op.length;
    }
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly scope: Record<string, unknown>,
    private readonly source: string,
  ) {}

  parse(): unknown {
    const value = this.or();
    if (this.pos < this.tokens.length) throw this.error(`unexpected "${this.tokens[this.pos]!.value}"`);
    return value;
  }

  private or(): unknown {
    let left = this.and();
    while (this.eat("||")) {
      const right = this.and();
      left = Boolean(left) || Boolean(right);
    }
    return left;
  }

  private and(): unknown {
    let left = this.comparison();
    while (this.eat("&&")) {
      const right = this.comparison();
      left = Boolean(left) && Boolean(right);
    }
    return left;
  }

  private comparison(): unknown {
    const left = this.sum();
    for (const op of ["==", "!=", "<=", ">=", "<", ">"]) {
      if (!this.eat(op)) continue;
      const right = this.sum();
      if (op === "==") return sameValue(left, right);
      if (op === "!=") return !sameValue(left, right);
      const [a, b] = [left as number | string, right as number | string];
      return op === "<" ? a < b : op === ">" ? a > b : op === "<=" ? a <= b : a >= b;
    }
    return left;
  }

  private sum(): unknown {
    let left = this.unary();
    while (this.eat("+")) {
      const right = this.unary();
      left = typeof left === "number" && typeof right === "number" ? left + right : `${text(left)}${text(right)}`;
    }
    return left;
  }

  private unary(): unknown {
    if (this.eat("!")) return !this.unary();
    return this.primary();
  }

  private primary(): unknown {
    const token = this.tokens[this.pos++];
    if (!token) throw this.error("unexpected end");
    if (token.kind === "str") return token.value;
    if (token.kind === "num") return Number(token.value);
    if (token.kind === "op" && token.value === "(") {
      const value = this.or();
      this.expect(")");
      return value;
    }
    if (token.kind !== "ident") throw this.error(`unexpected "${token.value}"`);
    if (token.value === "true" || token.value === "false") return token.value === "true";
    if (token.value === "null") return null;
    let value: unknown = this.scope[token.value];
    for (;;) {
      if (this.eat(".")) {
        const name = this.tokens[this.pos++];
        if (name?.kind !== "ident") throw this.error("expected a field name after '.'");
        value = field(value, name.value);
      } else if (this.eat("[")) {
        value = field(value, String(this.or()));
        this.expect("]");
      } else {
        return value;
      }
    }
  }

  private eat(op: string): boolean {
    const token = this.tokens[this.pos];
    if (token?.kind === "op" && token.value === op) {
      this.pos++;
      return true;
    }
    return false;
  }

  private expect(op: string) {
    if (!this.eat(op)) throw this.error(`expected "${op}"`);
  }

  private error(message: string) {
    return new Error(`Unsupported expression (${message}): ${this.source}`);
  }
}

function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>)[name] : undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  // CEL compares missing fields as errors; treating them as null keeps `if`s on optional fields usable.
  return (a ?? null) === (b ?? null);
}

function text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value ?? null);
}

/** Evaluates `expression` with the given variables (usually `{ event }`, plus `async` for matches). */
export function evaluateExpression(expression: string, scope: Record<string, unknown>): unknown {
  return new Parser(tokenize(expression), scope, expression).parse();
}

/** A flow-control key as a string: `event.data.storeId` → "store-1"; objects are JSON-encoded. */
export function evaluateKey(expression: string | undefined, scope: Record<string, unknown>): string {
  if (!expression) return "";
  return text(evaluateExpression(expression, scope));
}
