"""Import every domain's tables so ``Base.metadata`` knows them all (Alembic, tests)."""

from bot.conversation import models as conversation_models  # noqa: F401
from bot.database.core import Base

metadata = Base.metadata
