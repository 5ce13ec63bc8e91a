// A name as a user types it on the command line (特朗普, 川普, Trump, Zelensky, Q7747, USAGOV, donald-trump) -> the
// actor ids and canonical names stored rows can carry, through the shared resolver (extract/mentions/lookup.ts).
// An actor the lexicon lacks is stored under `new:<matching form of its Chinese surface>` with the surface as
// its name, so a Chinese spelling in either script still finds it; anything else passes through as written.
import { lookupActors } from '../extract/mentions/lookup.js'
import { nameMatchForm, type ActorLexicon } from '../extract/mentions/lexicon.js'

export function actorKeys(lex: ActorLexicon, name: string): string[] {
  const keys = new Set<string>([name, `new:${nameMatchForm(name)}`])
  for (const a of lookupActors(lex, name).actors) {
    keys.add(a.id)
    keys.add(a.name)
  }
  return [...keys]
}
