/**
 * Groups the finished top-level blocks of a long markdown answer into chunk containers
 * (`<div class="md-chunk">`, styled `content-visibility: auto`), so the browser skips style,
 * layout and paint of chunks that are off screen: the cost of a frame stays flat however long
 * the answer grows, instead of walking thousands of blocks each frame.
 *
 * Grouping is greedy from the start and depends only on the sequence of top-level nodes: every
 * run of CHUNK_BLOCKS elements (with the whitespace between and after them) becomes a chunk as
 * soon as the next element exists. The last 1..CHUNK_BLOCKS elements stay direct children. So a
 * streamed answer (blocks added a few at a time) and a one-shot render end with the same DOM,
 * and an answer of up to CHUNK_BLOCKS blocks has no chunks at all.
 */

/** Top-level elements per chunk. */
export const CHUNK_BLOCKS = 50;

/** Class of a chunk container. */
export const CHUNK_CLASS = 'md-chunk';

/** The finished top-level nodes of one markdown element that are not in a chunk yet. */
export class BlockChunker {
  private loose: ChildNode[] = [];
  private looseElements = 0;

  /** Adds finished top-level nodes (already in their parent, in order) and chunks what is due. */
  add(nodes: Iterable<ChildNode>): void {
    for (const node of nodes) {
      this.loose.push(node);
      if (node.nodeType === Node.ELEMENT_NODE) this.looseElements++;
    }
    while (this.looseElements > CHUNK_BLOCKS) this.chunkFirst();
  }

  /** Moves the first CHUNK_BLOCKS loose elements (and the nodes up to the next element) into a chunk. */
  private chunkFirst(): void {
    let elements = 0;
    let end = 0;
    for (; end < this.loose.length; end++) {
      if (this.loose[end].nodeType !== Node.ELEMENT_NODE) continue;
      if (elements === CHUNK_BLOCKS) break;
      elements++;
    }
    const nodes = this.loose.slice(0, end);
    const chunk = document.createElement('div');
    chunk.className = CHUNK_CLASS;
    nodes[0].before(chunk);
    chunk.append(...nodes);
    this.loose = this.loose.slice(end);
    this.looseElements -= CHUNK_BLOCKS;
  }
}

/** Chunks the top-level nodes of a freshly rendered answer (a fragment, before it is inserted). */
export function chunkBlocks(fragment: DocumentFragment): DocumentFragment {
  new BlockChunker().add([...fragment.childNodes]);
  return fragment;
}
