"""Import every domain's tables so ``Base.metadata`` knows them all (Alembic, tests)."""

from bot.audit import models as audit_models  # noqa: F401
from bot.booking import models as booking_models  # noqa: F401
from bot.catalogue.course import models as course_models  # noqa: F401
from bot.catalogue.organisation import models as organisation_models  # noqa: F401
from bot.catalogue.search import models as search_models  # noqa: F401
from bot.catalogue.support import models as support_models  # noqa: F401
from bot.catalogue.vacancy import models as vacancy_models  # noqa: F401
from bot.catalogue.venue import models as venue_models  # noqa: F401
from bot.conversation import models as conversation_models  # noqa: F401
from bot.database.core import Base
from bot.handoff import models as handoff_models  # noqa: F401
from bot.insight import models as insight_models  # noqa: F401
from bot.notify import models as notify_models  # noqa: F401
from bot.plan import models as plan_models  # noqa: F401
from bot.postcode import models as postcode_models  # noqa: F401
from bot.privacy import models as privacy_models  # noqa: F401
from bot.ratelimit import models as ratelimit_models  # noqa: F401
from bot.staff import models as staff_models  # noqa: F401

metadata = Base.metadata

# Tables the models do not describe: the full-text index (bot.catalogue.search.index), which is
# FTS5 on SQLite and tsvector tables on PostgreSQL, created by migration 0002.
UNMODELLED_PREFIXES = ("fts_",)


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """For Alembic: leave the full-text index tables (and FTS5's shadow tables) alone."""
    unmodelled = name.startswith(UNMODELLED_PREFIXES)
    return not (type_ == "table" and reflected and compare_to is None and unmodelled)
