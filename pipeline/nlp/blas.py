"""The model's matrix products through numpy's BLAS: the largest cost of parsing, made cheaper.

thinc's ``NumpyOps`` multiplies matrices with the BLIS it bundles (the
``blis`` package). On this machine's AMD EPYC cores that BLIS ran the model's
products (2,000 tokens x 288 x 288) at 15-23 GFLOPS, while the OpenBLAS that
numpy's wheels bundle ran them at 42-62 GFLOPS on one thread; parsing
en_core_web_sm's tok2vec, tagger, parser and NER took 6.9-7.2 s instead of
10.4-12.8 s on the same 45,000 tokens. thinc offers the switch itself,
``NumpyOps(use_blis=False)``, which hands ``gemm`` to numpy; it is set on
every layer of the pipeline's models, as thinc's own ``to_cpu`` sets its ops.
The events are the same, field for field, on the shared data and the gold sets.

OpenBLAS would take every core for a large product: `one_thread` keeps an
extraction process to one, as the workers of a run are the way to use more.
``Extractor.extract`` holds it for as long as its generator runs, so a
caller's code between two entries also sees one BLAS thread; the caller's
setting is back when the generator ends or is closed.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from spacy.language import Language
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController


def use_numpy_blas(nlp: Language) -> Language:
    """``nlp`` with numpy's BLAS for its models' matrix products (not saved by ``to_disk``: a run's
    choice, as thinc's ``use_ops`` is)."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops
    return nlp


def one_thread(controller: ThreadpoolController) -> AbstractContextManager:
    """BLAS on one thread for the block (the caller's setting is back after it)."""
    return controller.limit(limits=1, user_api="blas")
