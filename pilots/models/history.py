"""Change history (django-simple-history) for the editable models.

Registered here rather than in each model module, so the models stay plain.
Each save stores a full row in `pilots_historical<model>` with who and when;
`history_user` comes from the request (HistoryRequestMiddleware) or from
`instance._history_user` set by a service.
"""

from simple_history import register

from .memberships import OrganizationMembership
from .opportunities import Opportunity
from .organizations import Organization
from .pilots import PilotProject
from .sites import Site

for _model in (Organization, Site, PilotProject, OrganizationMembership, Opportunity):
    # Read columns are copies of other rows (fields.read_text): no history.
    read_columns = [
        field.name
        for field in _model._meta.concrete_fields
        if field.name.startswith("read_")
    ]
    register(_model, app="pilots", excluded_fields=read_columns)
