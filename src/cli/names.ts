// A name as a user types it on the command line (特朗普, 川普, Trump, donald-trump) -> the actor ids and
// canonical names it can mean, through the actor lexicon. Unknown names pass through as written, so a new
// actor stored under its Latin form can still be asked for.
import { loadActorLexicon, nameMatchForm, latinKey } from '../extract/mentions/lexicon.js'

export function actorKeys(name: string): string[] {
  const lex = loadActorLexicon()
  const keys = new Set<string>([name])
  if (lex.actors.has(name)) keys.add(name)
  for (const a of lex.byMatch.get(nameMatchForm(name)) ?? []) {
    keys.add(a.actor)
    const actor = lex.actors.get(a.actor)
    if (actor) keys.add(actor.name)
  }
  for (const actor of lex.byLatin.get(latinKey(name)) ?? []) {
    keys.add(actor.id)
    keys.add(actor.name)
  }
  return [...keys]
}
