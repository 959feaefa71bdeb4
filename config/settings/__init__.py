"""Settings, read from the environment in one place, with safe local defaults.

`DJANGO_ENV=production` switches on the deploy hardening and requires a real
`SECRET_KEY` and `ALLOWED_HOSTS`; everything else differs by environment only.
One module per concern; Django reads the names collected here (the settings
package is the one place where star imports are the idiom).
"""

from .api import *  # noqa: F403
from .base import *  # noqa: F403
from .environment import *  # noqa: F403
from .tasks import *  # noqa: F403
