// Words, tags and names for the synthetic dataset: real words (some accented, as titles in French, Spanish or
// German have), then made-up ones so the vocabulary has the size of a real instance's (thousands of distinct
// words, a few very frequent, most rare).

const COMMON = `the of and to in a for how with my on is from your this our at new part day best first live review
guide tutorial episode video music song official trailer full game play world life time love night home news week
year story show talk walk build make learn easy quick ultimate beginner advanced tips tricks setup install update
test vs complete series season final edition remix cover acoustic session concert festival recipe cooking kitchen
garden travel city mountain river ocean beach forest winter summer spring autumn morning evening road trip bike
car train plane boat camera drone photo art drawing painting design code coding programming python javascript rust
golang server network security privacy open source software hardware computer laptop phone keyboard desktop kernel
terminal shell command line windows mac android ios web browser firefox chromium database postgres docker container
cloud backup storage files system desktop gnome kde wayland debian ubuntu fedora arch gentoo bsd raspberry pi
arduino electronics robot science physics math chemistry biology space planet moon star history war peace politics
economy climate energy solar wind water food bread cheese wine coffee tea chocolate cake pasta pizza soup salad
dog cat bird horse fish animal nature wildlife documentary interview podcast lecture conference meetup workshop
keynote demo stream speedrun walkthrough gameplay lets retro classic indie strategy puzzle racing football soccer
basketball tennis running yoga fitness workout health medicine mind dream family friends kids school university
student teacher language english french spanish german japanese chinese music piano guitar drums violin jazz rock
metal pop folk blues electronic ambient chill relax sleep study focus calm rain thunder fire`.split(/\s+/)

const ACCENTED = `éléphant café crème été hiver français déjà très première dernière génération réseau sécurité vidéo
musique cinéma théâtre fête château forêt île noël œuvre cœur señor año niño mañana canción música fútbol corazón
über schön grüße straße mädchen größe käse brötchen münchen köln zürich søren ålesund kraków łódź`.split(/\s+/)

/** A small seeded generator (mulberry32): the same seed gives the same dataset. */
export function seededRandom (seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES = [ 'ka', 'lo', 'mi', 'ra', 'ten', 'vor', 'sel', 'pi', 'du', 'nor', 'ba', 'fi', 'gru', 'zen', 'tal', 'mo', 'ser', 'qui', 'lan', 'dro', 'vel', 'cas', 'po', 'ri', 'tuk', 'am', 'ex', 'on', 'ul', 'yo' ]

function madeUpWords (count: number, random: () => number) {
  const words = new Set<string>()
  while (words.size < count) {
    const n = 2 + Math.floor(random() * 3)
    let word = ''
    for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)]
    words.add(word)
  }
  return [ ...words ]
}

/** Picks items with a Zipf-like law: item k (0-based) with probability ~ 1/(k+1)^s. */
export function zipfPicker<T> (items: T[], s: number, random: () => number) {
  const cumulative: number[] = []
  let total = 0
  for (let k = 0; k < items.length; k++) {
    total += 1 / Math.pow(k + 1, s)
    cumulative.push(total)
  }
  return () => {
    const target = random() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] < target) lo = mid + 1
      else hi = mid
    }
    return items[lo]
  }
}

export function buildVocabulary (random: () => number) {
  // "linux" is left out of the law: titles get it at a fixed rate (the 125,000 in 1,000,000).
  const words = [ ...new Set([ ...COMMON.filter(w => w !== 'linux'), ...ACCENTED, ...madeUpWords(8000, random) ]) ]
  const tags = [ ...new Set([ ...COMMON.slice(20), ...ACCENTED, ...madeUpWords(20_000, random).map(w => w + 's') ]) ].filter(t => t !== 'linux')
  return { words, tags }
}

export function capitalize (word: string) {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
