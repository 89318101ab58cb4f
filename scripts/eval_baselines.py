"""Print the naive baselines' figures on the development sets (../shared/eval by default).

Usage: python scripts/eval_baselines.py [EVAL_DIR] [--json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tieline.errors import TielineError
from tieline.evaluation.baselines import KeywordCoder, SpacyEntities, load_model
from tieline.evaluation.protocol import format_table, run_eval

# Figures quoted for these baselines in the issue, for comparison.
QUOTED = {
    "plover.top1": 0.43,
    "plover.any": 0.43,
    "plover.tuple": 0.00,
    "penta.macro_f1": 0.45,
    "actor_spans.f1": 0.70,
    "case.macro_f1": 0.54,
    "case.non_political_with_event": 0.41,
    "entities.f1": 0.61,
    "entities.precision": 0.79,
    "entities.recall": 0.49,
}


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    eval_dir = Path(args[0]) if args else Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
    try:
        nlp = load_model()
        result = run_eval(eval_dir.resolve(), KeywordCoder(nlp), SpacyEntities(nlp))
    except TielineError as exc:
        print(exc.one_line(), file=sys.stderr)
        return 2
    if "--json" in argv:
        print(json.dumps(result, indent=1, default=str))
        return 0
    print(format_table(result))
    print()
    print(f"{'figure':<32} {'ours':>6} {'quoted':>7}")
    for name, quoted in QUOTED.items():
        ours = result["figures"].get(name)
        shown = f"{ours:.3f}" if isinstance(ours, float) else "-"
        print(f"{name:<32} {shown:>6} {quoted:>7.2f}")
    counts = result["details"]["counts"]
    print()
    print(
        f"plover_gsr records with CAMEO/legacy country codes: {counts['plover_records_alias_codes']}, "
        f"with non-country codes (IGO/NGO/IMG/ISM): {counts['plover_records_non_country_codes']}"
    )
    ent = result["details"]["entities"]
    print("re3d recall per type: " + ", ".join(f"{k} {v:.2f}" for k, v in ent["recall_per_type"].items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
