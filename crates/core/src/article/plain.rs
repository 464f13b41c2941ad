//! Plain text: blank lines part blocks, and every line is a hard break.
use super::Block;

/// Plain text: blocks are separated by blank lines, and every line is a
/// hard break (headlines, bylines and datelines stand on their own lines).
pub(super) fn plain_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Block = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let range = offset..offset + content.len();
        offset += line.len();
        if content.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(vec![range]);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}
