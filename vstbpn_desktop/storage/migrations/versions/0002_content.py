"""what a figure covers (indicator_value.coverage) and documents received (document.direction)

Revision ID: 0002_content
Revises: 0001
Create Date: 2026-11-30 05:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_content"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing rows keep their meaning: values of the unit's own level, documents it issued.
    with op.batch_alter_table("indicator_value", schema=None) as batch_op:
        batch_op.add_column(sa.Column("coverage", sa.String(length=10), nullable=False, server_default="own"))
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("direction", sa.String(length=10), nullable=False, server_default="issued"))


def downgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_column("direction")
    with op.batch_alter_table("indicator_value", schema=None) as batch_op:
        batch_op.drop_column("coverage")
