"""Agreements as records: parties, kind, signing date, duration and end date, status, evidence, events."""

from __future__ import annotations

from .extract import Agreement, AgreementLexicon, extract_agreements, load_agreement_lexicon

__all__ = ["Agreement", "AgreementLexicon", "extract_agreements", "load_agreement_lexicon"]
