"""key rotation and encrypted bundles: trusted_key's encryption key and rotation, the own keys' history

Revision ID: 0004_keyrot
Revises: 0003_config
Create Date: 2026-11-30 08:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_keyrot"
down_revision = "0003_config"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Keys enrolled before: no encryption key (bundles to that unit go unencrypted), never rotated.
    with op.batch_alter_table("trusted_key", schema=None) as batch_op:
        batch_op.add_column(sa.Column("encryption_key", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("endorsed_by", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("replaced_from", sa.Integer(), nullable=True))
    op.create_table(
        "signing_key_history",
        sa.Column("fingerprint", sa.String(length=80), nullable=False),
        sa.Column("public_key", sa.String(length=200), nullable=False),
        sa.Column("previous_fingerprint", sa.String(length=80), nullable=False),
        sa.Column("statement", sa.Text(), nullable=True),
        sa.Column("signature", sa.String(length=200), nullable=True),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("made_by", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("fingerprint"),
    )


def downgrade() -> None:
    op.drop_table("signing_key_history")
    with op.batch_alter_table("trusted_key", schema=None) as batch_op:
        batch_op.drop_column("replaced_from")
        batch_op.drop_column("endorsed_by")
        batch_op.drop_column("encryption_key")
