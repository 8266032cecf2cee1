"""Elections, their candidates, frozen electorate, cast ballots, count chain and trustees' seats."""

from __future__ import annotations

import base64
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from solidarity.core.fields import EncryptedTextField


class Election(models.Model):
    """An election or a motion, from draft through the trustees' joint key and voting to the public record."""

    class Rule(models.TextChoices):
        SCOTTISH_STV = "scottish-stv", _("Scottish STV (ranked)")
        EQUAL_SHARES = "equal-shares", _("Method of Equal Shares (approval)")
        PAV = "pav", _("Proportional approval voting")
        MOTION = "motion", _("Motion (yes / no / abstain)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        KEYED = "keyed", _("Key made by the trustees")
        FROZEN = "frozen", _("Definition frozen")
        PUBLISHED = "published", _("Record published")

    slug = models.SlugField(unique=True, max_length=80)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fa = models.CharField(_("title (Persian)"), max_length=200)
    motion_en = models.TextField(_("motion text (English)"), blank=True)
    motion_fa = models.TextField(_("motion text (Persian)"), blank=True)
    rule = models.CharField(_("counting rule"), max_length=20, choices=Rule.choices)
    seats = models.PositiveSmallIntegerField(_("seats"), default=1)
    threshold = models.CharField(_("motion threshold"), max_length=10, default="1/2")
    # The share of the voter roll that must cast a ballot, "p/q"; "0/1" is no quorum (docs/elections.md).
    quorum = models.CharField(_("quorum (share of the voter roll)"), max_length=20, default="0/1")
    constraints = models.JSONField(_("representation constraints"), default=list, blank=True)
    assembly_id = models.PositiveIntegerField(_("assembly (electorate: checked in there)"), null=True, blank=True)
    # A motion may put a deliberation charter to the vote: freezing the motion freezes the charter and
    # puts the SHA-256 of its canonical text into the definition (docs/elections.md, "Charter motions").
    charter_id = models.PositiveIntegerField(_("charter put to the vote"), null=True, blank=True)
    opens_at = models.DateTimeField(_("voting opens"))
    closes_at = models.DateTimeField(_("voting closes"))
    trustee_threshold = models.PositiveSmallIntegerField(_("trustees needed"), default=2)
    trustee_count = models.PositiveSmallIntegerField(_("trustees"), default=3)
    # When appointed, only these people may take part in the key generation, and the definition names them.
    trustees = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    ballot_public_key = models.CharField(max_length=64, blank=True)
    # Both keys are erased (set to "") when they have done their work: the blind-signing key when
    # the box closes, the record key once the record is signed. Nobody can mint a pass or sign
    # another record afterwards, the server included.
    signing_key = EncryptedTextField(blank=True)  # PKCS#8 DER, base64; the blind-signing key
    record_key = EncryptedTextField(blank=True)  # Ed25519 seed, base64; signs the record
    # Set when the close event is on the chain, the signing key erased and the ballots rewritten in order.
    box_closed = models.BooleanField(default=False)
    # The cascade of shuffles (canonical JSON of the record's `mixes`): the server's at the close, then
    # each trustee's on the last output; the trustees open the last output.
    mix = models.TextField(blank=True)
    definition = models.JSONField(null=True, blank=True)
    definition_hash = models.CharField(max_length=64, blank=True)
    record = models.TextField(blank=True)  # canonical JSON, once published
    result = models.JSONField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-opens_at", "slug")

    def __str__(self) -> str:
        return self.slug

    @property
    def has_quorum(self) -> bool:
        """Tell whether a quorum is set ("0/q" is none)."""
        return not self.quorum.startswith("0/")

    @property
    def electors_with_voting_key(self) -> int:
        """Count the electors the frozen definition lists with a voting key (the others get no pass)."""
        return sum(1 for entry in (self.definition or {}).get("electorate", []) if entry.get("key"))

    def is_open(self, now: datetime | None = None) -> bool:
        """Tell whether ballots are accepted (frozen and inside the window) now or at ``now``."""
        moment = now if now is not None else timezone.now()
        return self.status == self.Status.FROZEN and self.opens_at <= moment < self.closes_at

    def is_closed(self, now: datetime | None = None) -> bool:
        """Tell whether the voting window has ended, now or at ``now``."""
        return (now if now is not None else timezone.now()) >= self.closes_at


# The values the representation rules count ("at least N women" counts "woman"): a fixed choice,
# so a typed "Woman" or "female" can no longer slip past the count.
GENDER_CHOICES = [
    ("", _("not stated")),
    ("woman", _("woman")),
    ("man", _("man")),
    ("non_binary", _("non-binary or another gender")),
]


class Candidate(models.Model):
    """A delegate standing in an election; attributes feed the representation constraints."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="candidates")
    delegate = models.ForeignKey("coalition.Delegate", on_delete=models.PROTECT, related_name="candidacies")
    name_en = models.CharField(max_length=120)
    name_fa = models.CharField(max_length=120)
    gender = models.CharField(
        _("gender (as the candidate describes it)"), max_length=30, blank=True, choices=GENDER_CHOICES
    )

    class Meta:
        ordering = ("name_en",)
        constraints = (models.UniqueConstraint(fields=["election", "delegate"], name="one_candidacy_per_election"),)

    def __str__(self) -> str:
        return self.name_en

    @property
    def public_id(self) -> str:
        """Return the id the definition and ballots use."""
        return f"c{self.delegate_id}"


class Voter(models.Model):
    """A delegate in the frozen electorate and, once issued, their entry in the public issuance list.

    The blinded message and the blind signature are public (the record lists them): blinding makes
    them unlinkable to the credential the voter later casts. No time is stored.
    """

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="voters")
    delegate = models.ForeignKey("coalition.Delegate", on_delete=models.PROTECT, related_name="+")
    display_name = models.CharField(max_length=120)
    has_signature = models.BooleanField(default=False)
    blinded_message = models.BinaryField(null=True, blank=True)
    blind_signature = models.BinaryField(null=True, blank=True)
    # The voter's voting-key signature over (definition hash, blinded message): the pass request itself.
    voter_signature = models.BinaryField(null=True, blank=True)
    # The voter's cast declaration (voting-key signature over the definition hash), taken with the
    # first ballot cast under a new credential. Which ballot it came with is not stored.
    cast_declaration = models.BinaryField(null=True, blank=True)

    class Meta:
        ordering = ("display_name",)
        constraints = (models.UniqueConstraint(fields=["election", "delegate"], name="one_voter_per_election"),)

    def __str__(self) -> str:
        return self.display_name

    @property
    def elector_id(self) -> str:
        """Return the id the definition and the issuance list use."""
        return f"e{self.delegate_id}"


class VotingKey(models.Model):
    """The public half of a delegate's voting key, derived in their browser from a voting code the server never sees.

    A freeze copies it into the definition; every pass request must be signed with its private half
    (docs/elections.md, "Voting keys"). One per delegate, and no two delegates share one. Replacing it
    (a lost code) is an organizer's action: the row is deleted, audited, and the delegate makes a new
    code; definitions already frozen keep the old key.
    """

    delegate = models.OneToOneField("coalition.Delegate", on_delete=models.CASCADE, related_name="voting_key")
    public_key = models.BinaryField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"voting key of delegate {self.delegate_id}"

    @property
    def public_key_b64(self) -> str:
        """Return the key as the definition lists it (standard base64)."""
        return base64.b64encode(bytes(self.public_key)).decode("ascii")


class Ballot(models.Model):
    """A cast ballot, keyed by the hash of its credential, with no timestamp and no sequence number.

    ``receipt`` is SHA-256 of the credential (one ballot per credential; a recast signed by the
    same credential key replaces it), ``token`` the credential (prefix and the voter's Ed25519
    public key), ``signature`` its blind signature, ``ballot_signature`` the voter's signature over
    (definition hash, ciphertext), ``tracking`` the code the booth shows. At the close the rows are
    rewritten in tracking-code order.
    """

    receipt = models.CharField(max_length=64, primary_key=True)
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="ballots")
    token = models.BinaryField()
    signature = models.BinaryField()
    ciphertext = models.BinaryField()
    ballot_signature = models.BinaryField(default=b"")
    tracking = models.CharField(max_length=64, db_index=True, default="")

    def __str__(self) -> str:
        return self.receipt


class ChainEvent(models.Model):
    """One event on an election's count chain: a pass issued, a new ballot cast, or the close.

    The counts after the event and the chain head; no time and no identity, so the chain publishes
    how many, never who or when (beyond the order of the counts themselves).
    """

    class Event(models.TextChoices):
        ISSUE = "issue", _("pass issued")
        CAST = "cast", _("ballot cast")
        CLOSE = "close", _("box closed")

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="chain")
    number = models.PositiveIntegerField()
    event = models.CharField(max_length=5, choices=Event.choices)
    issued = models.PositiveIntegerField()
    cast = models.PositiveIntegerField()
    head = models.CharField(max_length=64)

    class Meta:
        ordering = ("election", "number")
        constraints = (models.UniqueConstraint(fields=["election", "number"], name="one_chain_event_per_number"),)

    def __str__(self) -> str:
        return f"{self.election_id}#{self.number} {self.event}"


class TrusteeSeat(models.Model):
    """A trustee's place in the joint key generation and the opening: only what the trustee's tool sends.

    No secret reaches the server: the transport key and the dealing's commitments are public, each
    share in the dealing is sealed to the trustee it is for, the confirmation and the partial
    decryption are proofs (docs/elections.md, "Trustees and the election key").
    """

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="trustee_seats")
    trustee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    index = models.PositiveSmallIntegerField()
    transport_key = models.CharField(max_length=64)
    dealing = models.JSONField(null=True, blank=True)
    confirmation = models.CharField(max_length=100, blank=True)
    decryption = models.TextField(blank=True)  # canonical JSON of the record's entry for this trustee

    class Meta:
        ordering = ("election", "index")
        constraints = (
            models.UniqueConstraint(fields=["election", "trustee"], name="one_seat_per_trustee"),
            models.UniqueConstraint(fields=["election", "index"], name="one_seat_per_index"),
        )

    def __str__(self) -> str:
        return f"trustee {self.index} of {self.election_id}"
