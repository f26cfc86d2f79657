"""Train the packaged low-rank adapter of the MiniLM encoder (src/commentscope/data/faq_encoder_adapter.npz).

MiniLM's cosine tells a reworded question from a different question with similar words only at
0.72 accuracy on the development pairs (../shared/data/mqp_dev.csv, doctors 1-5; the file is never
copied into the repository). Fine-tuning the encoder on those pairs is the measured lever
(docs/faq.md, "A fine-tuned encoder"); a low-rank adapter (LoRA: each linear map of the six
layers gets `W + scale * B @ A`, rank 8) does as well as tuning every weight, and ships in
about 0.6 MB instead of 87. The package adds the adapter to the weights when it loads them
(`analysis.embeddings`), so embedding costs the same as before.

Training: each patient question with its rewording (label 1) and its look-alike (label 0) is one
triplet; multiple-negatives ranking loss (the rewording against every other rewording and
look-alike of the batch, scale 20), two epochs, AdamW at 5e-4 with 10 % warm-up and linear decay,
batches of 16, seed 0, on the CPU. `--hold-out D` trains without doctor D's pairs (the quality
benchmark's folds); the default trains on all five doctors. Needs torch and sentence-transformers
(development tools, not dependencies of the package); about 3-5 minutes per adapter on 2 cores.

    python benchmarks/train_faq_encoder.py                      # the packaged adapter
    python benchmarks/train_faq_encoder.py --hold-out 3 --out /tmp/faq-adapters/3.npz
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from commentscope.analysis.embeddings import ADAPTER_FILE, model_dir  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "mqp_dev.csv"
RANK = 8
ALPHA = 16  # the adapter's product is scaled by ALPHA / RANK
EPOCHS = 2
RATE = 5e-4
BATCH = 16
SCALE = 20.0  # the ranking loss's inverse temperature on cosines
SEED = 0
# the linear maps of each layer that get an adapter, by their names in model.safetensors
TARGETS = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
           "intermediate.dense", "output.dense")  # fmt: skip


def triplets(path: Path, hold_out: int | None) -> list[tuple[str, str, str]]:
    """(question, its rewording, its look-alike) for every question of the kept doctors with both."""
    partners: dict[str, dict[int, str]] = {}
    for doctor, first, second, label in csv.reader(path.open(encoding="utf-8")):
        if hold_out is None or int(doctor) != hold_out:
            partners.setdefault(first, {})[int(label)] = second
    return [(q, p[1], p[0]) for q, p in partners.items() if 0 in p and 1 in p]


def train(examples: list[tuple[str, str, str]]) -> dict[str, np.ndarray]:
    """The adapter's A and B per target (float16), trained as the module docstring says."""
    import torch
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(SEED)
    random.seed(SEED)
    model = SentenceTransformer(str(model_dir()), device="cpu")
    for parameter in model.parameters():
        parameter.requires_grad = False
    adapters = _attach(model[0].auto_model.encoder, torch)
    optimiser = torch.optim.AdamW([p for pair in adapters.values() for p in pair], lr=RATE)
    order = list(examples)
    per_epoch = math.ceil(len(order) / BATCH)
    steps = EPOCHS * per_epoch
    model.train()
    for step in range(steps):
        if step % per_epoch == 0:
            random.shuffle(order)
        batch = order[(step % per_epoch) * BATCH :][:BATCH]
        anchor, positive, negative = (_unit(model, [t[k] for t in batch], torch) for k in range(3))
        logits = anchor @ torch.cat([positive, negative]).T * SCALE
        loss = torch.nn.functional.cross_entropy(logits, torch.arange(len(batch)))
        for group in optimiser.param_groups:
            group["lr"] = RATE * min(1.0, (step + 1) / (0.1 * steps)) * (steps - step) / steps
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    return {f"{name}.{part}": tensor.detach().numpy().astype(np.float16)
            for name, pair in adapters.items() for part, tensor in zip("AB", pair, strict=True)}  # fmt: skip


def _attach(encoder, torch):  # type: ignore[no-untyped-def]
    """Wrap each target linear map of the encoder with a trainable low-rank term; its (A, B) by name."""

    class LowRank(torch.nn.Module):
        def __init__(self, base):  # type: ignore[no-untyped-def]
            super().__init__()
            self.base = base
            self.A = torch.nn.Parameter(torch.randn(RANK, base.in_features) / math.sqrt(base.in_features))
            self.B = torch.nn.Parameter(torch.zeros(base.out_features, RANK))

        def forward(self, x):  # type: ignore[no-untyped-def]
            return self.base(x) + (x @ self.A.T @ self.B.T) * (ALPHA / RANK)

    adapters = {}
    for index, layer in enumerate(encoder.layer):
        for target in TARGETS:
            *path, last = target.split(".")
            holder = layer
            for part in path:
                holder = getattr(holder, part)
            wrapped = LowRank(getattr(holder, last))
            setattr(holder, last, wrapped)
            adapters[f"encoder.layer.{index}.{target}"] = (wrapped.A, wrapped.B)
    return adapters


def _unit(model, texts: list[str], torch):  # type: ignore[no-untyped-def]
    features = model.preprocess(texts) if hasattr(model, "preprocess") else model.tokenize(texts)
    return torch.nn.functional.normalize(model(features)["sentence_embedding"], dim=-1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hold-out", type=int, metavar="D", help="leave doctor D's pairs out")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "commentscope" / ADAPTER_FILE)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    import torch

    torch.set_num_threads(2)
    examples = triplets(args.data, args.hold_out)
    arrays = train(examples)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, rank=np.array(RANK), alpha=np.array(ALPHA), **arrays)
    print(f"{len(examples)} triplets; wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
