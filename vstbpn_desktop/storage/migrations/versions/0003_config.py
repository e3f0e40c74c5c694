"""the catalogue as versioned data (definition, origin, position, retired_at, retired_by) and the province's targets

Revision ID: 0003_config
Revises: 0002_content
Create Date: 2026-11-30 08:45:00
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0003_config"
down_revision = "0002_content"
branch_labels = None
depends_on = None

COLUMNS = ("code", "kind", "section", "name_vi", "name_en", "unit_vi", "unit_en", "numerator", "denominator")


def upgrade() -> None:
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("definition", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("origin", sa.String(length=20), nullable=False, server_default="national"))
        batch_op.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("retired_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("retired_by", sa.String(length=20), nullable=True))
    op.create_table(
        "indicator_target",
        sa.Column("indicator_code", sa.String(length=60), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("target", sa.Float(), nullable=False),
        sa.Column("decision", sa.String(length=200), nullable=False),
        sa.Column("set_by", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(["indicator_code"], ["indicator.code"]),
        sa.PrimaryKeyConstraint("indicator_code", "year"),
    )
    # Data: each stored row's definition from its columns, in the order it was stored. The profile's
    # next opening refreshes them from the shipped catalogue (catalogue/catalogue_state.py: no stored hash yet).
    connection = op.get_bind()
    table = sa.table("indicator", *(sa.column(name) for name in (*COLUMNS, "target_2025", "target_2030")))
    rows = connection.execute(sa.select(table).order_by(table.c.code)).mappings().all()
    for position, row in enumerate(rows):
        item = {name: row[name] for name in COLUMNS if row[name] is not None}
        for name in ("target_2025", "target_2030"):
            if row[name] is not None:
                item[name] = row[name]
        connection.execute(
            sa.text("UPDATE indicator SET definition = :definition, position = :position WHERE code = :code"),
            {
                "definition": json.dumps(item, ensure_ascii=False, sort_keys=True),
                "position": position,
                "code": row["code"],
            },
        )


def downgrade() -> None:
    op.drop_table("indicator_target")
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_column("retired_by")
        batch_op.drop_column("retired_at")
        batch_op.drop_column("position")
        batch_op.drop_column("origin")
        batch_op.drop_column("definition")
