"""Checking an exported Bundle the way a receiver would: with the `fhir.resources` R4B models
(R4-shaped; the package's default import is R5), and that every reference resolves inside it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle


def validated(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    """The Bundle's resources, after the Bundle and each resource on its own validate."""
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    Bundle.model_validate(bundle)
    resources = []
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}", entry["fullUrl"]
        resources.append(resource)
    return resources


def references(node: Any) -> Iterator[str]:
    """Every Reference.reference anywhere inside NODE."""
    if isinstance(node, dict):
        if isinstance(node.get("reference"), str):
            yield node["reference"]
        for value in node.values():
            yield from references(value)
    elif isinstance(node, list):
        for value in node:
            yield from references(value)


def dangling(bundle: dict[str, Any]) -> list[str]:
    """References that name no entry of the Bundle (none should)."""
    urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert len(urls) == len(set(urls)), "two entries share a fullUrl"
    return [ref for ref in references(bundle["entry"]) if ref not in set(urls)]


def kinds(bundle: dict[str, Any]) -> Counter[str]:
    return Counter(entry["resource"]["resourceType"] for entry in bundle["entry"])


def of_type(bundle: dict[str, Any], resource_type: str) -> list[dict[str, Any]]:
    return [
        entry["resource"]
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] == resource_type
    ]


def by_url(bundle: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["fullUrl"]: entry["resource"] for entry in bundle["entry"]}
