/**
 * Speech text. PLACEHOLDER until the rules land.
 * Contract: returns what an engine should say for `text` in `lang`, or
 * undefined when that is the display text itself. Never changes `text`.
 */
export function speechText(text: string, lang: string): string | undefined {
  void lang;
  void text;
  return undefined;
}
