"""Words that must never be taken for a place name when scanning text.

Many real places are also common words ("Of" and "Van" in Turkey, "Hit" in Iraq, Arabic
villages called "the new one" or "peace").  Names in these lists are still found by an
explicit geocode query; they are only kept out of the free-text scan.  All entries are in
normalised form (see :func:`service.gazetteer.normalize.normalize`).
"""

from __future__ import annotations

from functools import cache

from .normalize import normalize

ENGLISH = """
a about above across after again against all also am among an and any are as at be because
been before being below between both but by can could did do does doing down during each
east few for from further had has have having he her here hers him his how i if in into is it
its just me more most my no nor north not now of off on once only or other our out over own
same she should so some south such than that the their them then there these they this those
through to too under until up very was we were west what when where which while who whom why
will with would you your new old great upper lower central middle city town village port
camp base air force forces army navy mission support site station field airport province
region state district county valley river lake mount mountain island gulf sea bay desert
border crossing road street bridge hill green white black red blue golden royal national
president minister government military officials official security defense defence troops
soldiers people news today report reports said says according however while although
march may june july august april january february september october november december
monday tuesday wednesday thursday friday saturday sunday
police reading bath nice mobile split male hope rest best bar van hit sur mons union victory
liberty freedom independence unity peace justice progress mansour center centre capital
colonel general major captain sergeant private
"""

# Arabic function words and very common nouns/adjectives that are also village names.
ARABIC = """
من في على الى إلى عن مع ما لا لم لن ان أن إن قد هو هي هم كان كانت يكون بعد قبل حتى عند
منذ خلال بين ضد نحو حول لدى تحت فوق او أو ثم بل كل بعض غير هذا هذه ذلك تلك الذي التي الذين
وقال قال قالت اليوم امس أمس الان الآن عام العام سنة شهر يوم اول أول ثاني الثاني الاولى الأولى
الجديد الجديدة جديد جديدة القديم القديمة الكبير الكبيرة الصغير الصغيرة الشرقي الشرقية الغربي
الغربية الشمالي الشمالية الجنوبي الجنوبية الوسطى الوسط الاوسط الأوسط المركز مركز المدينة مدينة
البلد بلد الدولة دولة الحكومة حكومة الجيش جيش القوات قوات قاعدة القاعدة معسكر المعسكر مطار
المطار محافظة المحافظة اقليم إقليم منطقة المنطقة قرية القرية بلدة البلدة حي الحي شارع الشارع
السلام سلام النصر نصر الحرية حرية الوحدة وحدة النور نور الامل الأمل امل أمل الخير خير الرحمة
العروبة الثورة ثورة الشهداء شهداء الشهيد الجمهورية الاستقلال الفلاح الرشيد الزهراء الحسين
الامام الإمام السادة الرئيسية رئيسية الرئيس رئيس الوزراء وزير مسؤول مسؤولين مصادر المصادر
الاتفاق اتفاق الخطة خطة التحالف تحالف الانسحاب انسحاب بقاء البقية الجنود جنود جندي عسكري
العسكرية الامن الأمن امن أمن السياسة العمل عمل العمليات عمليات الحرب حرب المقاومة مقاومة
الاسلامية الإسلامية الوطنية الوطني الشعب الشعبي الشعبية العربية العربي عربي عربية دول الدول
الحدود حدود المعبر معبر الميناء ميناء الجسر جسر النهر نهر الجبل جبل الوادي وادي السهل البحر
بحر الخليج الساحل ساحل الصحراء صحراء عين بئر ابو أبو ام أم بن ابن بنت آل ال
مايو يونيو يوليو اغسطس أغسطس سبتمبر اكتوبر أكتوبر نوفمبر ديسمبر يناير فبراير مارس ابريل أبريل
ايار أيار حزيران تموز آب اب ايلول أيلول تشرين كانون شباط آذار اذار نيسان
وان وإن إن ان لكن لكنه حيث اذا إذا كما مثل عبر داخل خارج قرب امام أمام وراء خلف جانب
واحد واحدة اثنين ثلاثة اربعة أربعة خمسة ستة سبعة ثمانية تسعة عشرة مئة الف ألف
شبه حركة الحركة الأشهر الاشهر أشهر اشهر شهر باردة بارد حار شهيد شهداء جرحى قتلى
تدمر يدمر دمر القرار قرار الموقف موقف الوضع وضع الجبهة جبهة الشرقية الغربية الجنوب
الشمال الشرق الغرب جنوب شمال شرق غرب صوفيا مسيرة المسيرة الطائرات طائرة صواريخ
الصواريخ القاعدة قاعدة القواعد قواعد نار النار الجزيرة جزيرة المحطة محطة السوق سوق
الجامعة جامعة المستشفى مستشفى المدرسة مدرسة الملعب ملعب الساحة ساحة البيت بيت الدار دار
القصر قصر البرج برج الجامع جامع المسجد مسجد الكنيسة كنيسة المعسكر العمارة عمارة
عنه عنها عنهم منه منها منهم فيه فيها فيهم له لها لهم به بها بهم اليه إليه اليها إليها
عليه عليها عليهم لديه لديها لديهم معه معها معهم هنا هناك الذي التي اللذين
المملكة مملكة الامارة الإمارة الجمهورية الدولة العاصمة عاصمة الإقليم الاقليم البلاد بلاد
بينما حين عندما لان لأن لكن ولكن كذلك ايضا أيضا فقط بينهم بينها وسط اثناء أثناء
السبت الأحد الاحد الإثنين الاثنين الثلاثاء الأربعاء الاربعاء الخميس خميس الجمعة جمعة
سحب نشر نقل وصول ارسال إرسال خروج مغادرة تقليص تعزيز تعزيزات
السجن سجن
"""

# Common Arabic words that are also the name (or a clitic form of a name) of a real town:
# "بيان" (a statement; Bayan, Kuwait), "وقف إطلاق النار" (a ceasefire; Al Waqf), "ورقة" and
# "فرقة" (a card, a division: و/ف + رقة, Raqqa), "الباب" ("opens the door"; al-Bab), "الخبر"
# (the news; Khobar), "بحري" (naval; Bahri).  Unlike the stop words above they stay in the
# scan, but a mention is kept only with a cue word ("مدينة الباب", "منطقة بيان", "قاعدة …").
CUE_ONLY_ARABIC = """
بيان البيان وقف الوقف ورقة ورقه فرقة فرقه الفرقة ورقتها دورا دوراً حتا حتاً سليماني كوت
العلم علم صيف الصيف الخبر خبر بحري البحري بحرية خالص العبور عبور الباب باب
"""


@cache
def stopwords() -> frozenset[str]:
    """All stop entries in normalised form."""
    words = ENGLISH.split() + ARABIC.split()
    return frozenset(normalize(w) for w in words if normalize(w))


@cache
def cue_only() -> frozenset[str]:
    """Normalised common words that name a place only next to a cue word."""
    return frozenset(normalize(w) for w in CUE_ONLY_ARABIC.split() if normalize(w))
