"""The outbox keeps every write made on the tablet until the server has answered for it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from shopguide.client.outbox import Outbox, StockHold


def test_a_queued_mutation_survives_reopening_the_file(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    mutation_id = outbox.enqueue("order.place", {"order_id": "o1", "total": 100})
    outbox.close()
    reopened = Outbox(tmp_path / "outbox.db")
    [pending] = reopened.pending()
    assert pending.id == mutation_id
    assert pending.payload == {"order_id": "o1", "total": 100}
    assert reopened.counts().pending == 1


def test_the_outbox_file_is_written_with_full_durability(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    mode = outbox._conn.execute("PRAGMA synchronous").fetchone()[0]
    journal = outbox._conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == 2  # FULL
    assert journal == "wal"


def test_mutations_leave_in_the_order_they_were_queued(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    ids = [outbox.enqueue("member.update", {"n": n}) for n in range(5)]
    assert [m.id for m in outbox.pending()] == ids


def test_a_refused_mutation_needs_attention_and_does_not_block_the_next(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    first = outbox.enqueue("order.place", {"n": 1})
    second = outbox.enqueue("order.place", {"n": 2})
    outbox.record_results(
        [
            {"id": first, "status": "rejected", "reason": "variant 99 does not exist"},
        ]
    )
    assert [m.id for m in outbox.pending()] == [second]
    [refused] = outbox.needs_attention()
    assert refused.reason == "variant 99 does not exist"
    counts = outbox.counts()
    assert (counts.pending, counts.rejected) == (1, 1)


def test_a_failed_push_keeps_the_mutation_pending_and_counts_the_attempt(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    mutation_id = outbox.enqueue("order.place", {"n": 1})
    outbox.record_failure([mutation_id], "cannot reach server")
    [pending] = outbox.pending()
    assert pending.attempts == 1
    assert pending.last_error == "cannot reach server"


def test_an_answer_for_an_already_answered_mutation_changes_nothing(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    mutation_id = outbox.enqueue("order.place", {"n": 1})
    outbox.record_results([{"id": mutation_id, "status": "applied", "result": {}}])
    outbox.record_results([{"id": mutation_id, "status": "rejected", "reason": "late"}])
    mutation = outbox.get(mutation_id)
    assert mutation is not None
    assert mutation.state == "applied"


def test_stock_held_by_an_order_is_released_on_apply_and_dropped_after_a_later_pull(
    tmp_path: Path,
) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    mutation_id = outbox.enqueue(
        "order.place", {"n": 1}, holds=[StockHold(3, 42, 2), StockHold(3, 43, 1)]
    )
    assert outbox.holds(3, [42, 43, 44]) == {42: 2, 43: 1}
    pull_before_the_answer = outbox.released_holds()
    outbox.record_results([{"id": mutation_id, "status": "applied", "result": {}}])
    assert outbox.holds(3, [42]) == {42: 2}, "held until the server's figure has arrived"
    outbox.drop_holds(3, pull_before_the_answer.get(3, []))
    assert outbox.holds(3, [42]) == {42: 2}, "a pull that started before the answer is not enough"
    outbox.drop_holds(3, outbox.released_holds()[3])
    assert outbox.holds(3, [42, 43]) == {}


def test_a_refused_order_gives_its_stock_back_at_once(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    mutation_id = outbox.enqueue("order.place", {"n": 1}, holds=[StockHold(3, 42, 2)])
    outbox.record_results([{"id": mutation_id, "status": "rejected", "reason": "no"}])
    assert outbox.holds(3, [42]) == {}


def test_a_mutation_id_can_be_queued_only_once(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    outbox.enqueue("order.place", {"n": 1}, mutation_id="0190f3a2-0000-7000-8000-000000000001")
    try:
        outbox.enqueue("order.place", {"n": 2}, mutation_id="0190f3a2-0000-7000-8000-000000000001")
    except sqlite3.IntegrityError:
        pass
    else:
        raise AssertionError("a duplicate mutation id was accepted")
    assert [m.payload for m in outbox.pending()] == [{"n": 1}]
