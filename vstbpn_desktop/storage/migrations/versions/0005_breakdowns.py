"""a value's breakdown cells, comment and follow-up mark (indicator_value.cells, comment, follow_up)

Revision ID: 0005_breakdowns
Revises: 0004_keyrot
Create Date: 2026-11-30 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_breakdowns"
down_revision = "0004_keyrot"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing rows keep their meaning: a total with no breakdown given, no comment, not marked.
    with op.batch_alter_table("indicator_value", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cells", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("comment", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("follow_up", sa.Boolean(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("indicator_value", schema=None) as batch_op:
        batch_op.drop_column("follow_up")
        batch_op.drop_column("comment")
        batch_op.drop_column("cells")
