"""GeoReport v2 on the wire: its resources as models, in JSON or in XML (the spec's default), and its errors.

The format is the path's extension (``services.xml``, ``requests/{id}.json``), as the spec has it.
XML is written with the spec's element names: a root (``services``, ``service_requests``,
``service_definition``, ``discovery``, ``errors``), one element per item, a list inside an item
as its plural holding one singular per value (``attributes``/``attribute``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal
from xml.etree import ElementTree

from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

PREFIX = "/open311/v2"
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
FORMATS = {"json": "application/json", "xml": "text/xml"}

# Characters XML 1.0 cannot hold. Input refuses control characters; a case stored before that
# (or typed at a console) must still make a readable document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PLURAL = {"attributes": "attribute", "values": "value", "endpoints": "endpoint", "formats": "format"}


class Open311Error(BaseModel):
    code: int
    description: str


class Service(BaseModel):
    service_code: str = Field(description="The category's code with '.' for '/': it works in a URL")
    service_name: str
    description: str
    metadata: bool
    type: Literal["realtime", "batch", "blackbox"] = "realtime"
    keywords: str
    group: str


class AttributeValue(BaseModel):
    key: str
    name: str


class Attribute(BaseModel):
    variable: bool = True
    code: str
    datatype: Literal["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]
    required: bool
    datatype_description: str
    order: int
    description: str
    values: list[AttributeValue] = Field(default_factory=list)


class ServiceDefinition(BaseModel):
    service_code: str
    attributes: list[Attribute]


class RequestCreated(BaseModel):
    service_request_id: str
    service_notice: str
    account_id: str | None = None


class ServiceRequest(BaseModel):
    """A request as read back. A field left null is not public (or was not given)."""

    service_request_id: str
    status: Literal["open", "closed"]
    status_notes: str
    service_name: str
    service_code: str
    description: str | None = None
    agency_responsible: str
    service_notice: str = ""
    requested_datetime: str
    updated_datetime: str
    expected_datetime: str | None = None
    address: str
    address_id: str | None = None
    zipcode: str | None = None
    lat: float | None = None
    long: float | None = None
    media_url: str | None = None


class Endpoint(BaseModel):
    specification: str = SPECIFICATION
    url: str
    changeset: str
    type: Literal["production", "test"] = "production"
    formats: list[str]


class Discovery(BaseModel):
    changeset: str
    contact: str
    key_service: str
    endpoints: list[Endpoint]


def xml_of(path: str) -> bool:
    return path.endswith(".xml")


def _element(name: str, value: Any) -> ElementTree.Element:
    element = ElementTree.Element(name)
    if isinstance(value, Mapping):
        for key, inner in value.items():
            if inner is not None:
                element.append(_element(key, inner))
    elif isinstance(value, list):
        for inner in value:
            element.append(_element(_PLURAL.get(name, "item"), inner))
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    else:
        element.text = _NOT_XML.sub("", str(value))
    return element


def xml_document(root: str, item: str | None, content: Iterable[Any] | Any) -> bytes:
    """``root`` holding one ``item`` element per entry of ``content``; or ``content`` itself as the root."""
    if item is None:
        element = _element(root, _plain(content))
    else:
        element = ElementTree.Element(root)
        for entry in content:
            element.append(_element(item, _plain(entry)))
    document: bytes = ElementTree.tostring(element, encoding="utf-8", xml_declaration=True)
    return document


def _plain(value: Any) -> Any:
    return value.model_dump() if isinstance(value, BaseModel) else value


def answer(
    fmt: str,
    root: str,
    item: str | None,
    content: Any,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The resource in the path's format: a JSON array (or object) or the spec's XML."""
    if fmt == "xml":
        return Response(
            xml_document(root, item, content),
            status_code=status,
            media_type="text/xml; charset=utf-8",
            headers=dict(headers or {}),
        )
    if item is None:
        body: Any = _plain(content)
    else:
        body = [_plain(entry) for entry in content]
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def error_response(
    status: int, description: str, headers: Mapping[str, str] | None = None, *, path: str = ""
) -> Response:
    """GeoReport's error list, in the format the path asks for."""
    errors = [Open311Error(code=status, description=description)]
    return answer("xml" if xml_of(path) else "json", "errors", "error", errors, status, headers)


def xml_response_doc(model: str) -> dict[str, Any]:
    """The OpenAPI description of a resource offered in both formats (the path's extension chooses)."""
    return {
        "description": f"{model}, as JSON or as the spec's XML (the path's extension chooses)",
        "content": {"text/xml": {"schema": {"type": "string"}}},
    }


ERROR_DOC: dict[str, Any] = {
    "model": list[Open311Error],
    "content": {"text/xml": {"schema": {"type": "string"}}},
}
