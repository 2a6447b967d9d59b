"""Open311 GeoReport v2: the web form, the Zalo chatbot, the app and any civic app post to 1022 and follow.

Every resource of the published spec (wiki.open311.org/GeoReport_v2), in JSON and in XML:
``discovery``, ``services``, ``services/{code}`` (the questions a service asks), ``requests`` (post
and read) and ``requests/{id}``. What is public and what is not, and every departure from the
spec with its reason, is in ``docs/server.md`` ("Other channels: Open311").

- Reads are public, as the spec has them, and carry nothing personal: the service, the status and
  its reason (``status_notes``: a not-eligible or rejection reason is written for the citizen),
  the unit, the times, the deadline (``expected_datetime``) and the ward. The description, the
  street address, the map pin and the photo only if the city publishes them (``--open311-public``).
- A channel's key posts. A key made with ``--full-reads`` (a server-side integration, such as the
  Zalo bot's backend) reads back in full what it posted, with the unit's latest note; a key that
  sits in a public page or an app does not, so it cannot publish what citizens sent with it.
- Everything posted is kept: a map pin alone is a request (it goes to the triage desk with its
  point), an e-mail is a way to reach the citizen, ``media_url``, ``device_id``, ``account_id``,
  ``address_id`` and every ``attribute[...]`` stay with the case for the operators and the unit.
"""

from operator_console.server.open311.routes import add_routes
from operator_console.server.open311.wire import PREFIX, error_response

__all__ = ["PREFIX", "add_routes", "error_response"]
