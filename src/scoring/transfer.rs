//! Transfers: a warm one says who will help and why, briefs them and stays
//! until they answer; a bare hand-off leaves the customer to start again.

use super::lexicon as lx;
use super::matching::Reply;
use crate::text::Span;

/// A hand-off found in a reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transfer {
    pub span: Span,
    /// At least two of: who will help, why, a briefing or staying on.
    pub warm: bool,
}

/// The reply's hand-off, if it makes one.
pub fn transfer(r: &Reply) -> Option<Transfer> {
    let hit = r.find(lx::transfer()).into_iter().next()?;
    let signs = [lx::transfer_who(), lx::transfer_why(), lx::transfer_care()]
        .iter()
        .map(|list| r.find(list).len().min(1))
        .sum::<usize>();
    Some(Transfer {
        span: hit.span,
        warm: signs >= 2,
    })
}
