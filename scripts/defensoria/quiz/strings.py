"""What learners read around the questions, in Spanish and Quechua (Cusco, three vowels).

Drivers take their labels from here so the site, paper and exports say the same.
"""

UI = {
    "es": {
        "heading": "Comprueba lo que aprendiste",
        "intro": "Responde cada pregunta y pulsa «Comprobar» para saber si acertaste y por qué. "
        "Nada se guarda: al cerrar la página, tus respuestas se borran.",
        "question": "Pregunta",
        "hint_unica": "Elige una respuesta.",
        "hint_multiple": "Marca todas las respuestas correctas.",
        "hint_verdadero_falso": "¿Verdadero o falso?",
        "hint_relacionar": "Para cada línea, elige su pareja.",
        "check": "Comprobar",
        "correct": "¡Correcto!",
        "incorrect": "No es correcto.",
        "partly": "Casi.",
        "choose_first": "Primero elige una respuesta.",
        "right_answer": "Respuesta correcta:",
        "law": "Lo dice la ley:",
        "score": "Respondiste bien {n} de {answered}.",
        "score_left": "Te faltan {left} preguntas.",
        "print_pointer": "El cuestionario en papel está en Formadores (cuestionarios para imprimir).",
        "choose": "— elige —",
        "mark_right": "correcta",
        "mark_wrong": "incorrecta",
        "noscript": "Para comprobar tus respuestas en esta página hace falta JavaScript. "
        "También puedes pedir a tu formadora o formador el cuestionario impreso.",
    },
    "qu": {
        "heading": "Yachasqaykita qhawakuy",
        "intro": "Sapanka tapukuyta kutichiy, chaymanta «Qhawariy» ñit'iy, allinchus manachus "
        "kasqanta, imaraykuchus chayta yachanaykipaq. Manam imapas waqaychakunchu: kay "
        "p'anqata wisq'aptiyki, kutichisqaykikunaqa chinkanqa.",
        "question": "Tapukuy",
        "hint_unica": "Huk kutichiyllata akllay.",
        "hint_multiple": "Llapan chiqaq kutichiykunata akllay.",
        "hint_verdadero_falso": "¿Chiqaqchu icha mana chiqaqchu?",
        "hint_relacionar": "Sapanka siq'ipaq tupaqninta akllay.",
        "check": "Qhawariy",
        "correct": "¡Allinmi!",
        "incorrect": "Manam allinchu.",
        "partly": "Yaqa allinmi.",
        "choose_first": "Ñawpaqta huk kutichiyta akllay.",
        "right_answer": "Chiqaq kutichiy:",
        "law": "Kamachiypi:",
        "score": "{answered} kutichisqaykimanta {n} tapukuytam allinta kutichirqanki.",
        "score_left": "{left} tapukuyraqmi kutichinaykipaq kachkan.",
        "print_pointer": "Papelpi tapukuykunaqa Yachachiqkuna p'anqapim kachkan (qillqanapaq tapukuykuna).",
        "choose": "— akllay —",
        "mark_right": "allinmi",
        "mark_wrong": "manam allinchu",
        "noscript": "Kay p'anqapi kutichisqaykita qhawanaykipaqqa JavaScript necesitakun. "
        "Yachachiqniykimanta qillqasqa tapukuykunata mañakuy.",
    },
}

# Paper and answer keys
PRINT = {
    "es": {
        "title": "Cuestionario",
        "version": "Versión",
        "name": "Nombre o código",
        "date": "Fecha",
        "community": "Comunidad",
        "instructions": "Lee cada pregunta. Escribe en la tabla de respuestas la letra de tu respuesta. "
        "Si la pregunta pide varias, escribe todas las letras. Para relacionar, escribe la letra de cada línea en orden (1, 2, 3…).",
        "grid": "Tabla de respuestas",
        "answer": "Respuesta",
        "key": "Clave de respuestas",
        "key_note": "Solo para quien facilita. No entregar a participantes.",
        "item": "Pregunta del banco",
        "law": "Ley",
        "page": "Página",
        "of": "de",
        "hint_unica": "Una respuesta.",
        "hint_multiple": "Marca todas las correctas.",
        "hint_verdadero_falso": "Verdadero o falso.",
        "hint_relacionar": "Relaciona: escribe la letra de cada línea, en orden.",
    },
    "qu": {
        "title": "Tapukuykuna",
        "version": "Versión",
        "name": "Sutiyki utaq códigoyki",
        "date": "P'unchay",
        "community": "Ayllu",
        "instructions": "Sapanka tapukuyta ñawinchay. Kutichiy tablapi kutichiyniykipa letranta qillqay. "
        "Askha kutichiyta mañaptinqa, llapan letrakunata qillqay. Tupachinapaqqa, sapanka siq'ipa letranta ñawpaqmanta qillqay (1, 2, 3…).",
        "grid": "Kutichiy tabla",
        "answer": "Kutichiy",
        "key": "Chiqaq kutichiykuna",
        "key_note": "Yachachiqpaqlla. Ama yachaqaqkunaman quychu.",
        "item": "Tapukuy",
        "law": "Kamachiy",
        "page": "P'anqa",
        "of": "/",
        "hint_unica": "Huk kutichiylla.",
        "hint_multiple": "Llapan chiqaqkunata akllay.",
        "hint_verdadero_falso": "Chiqaq utaq mana chiqaqchu.",
        "hint_relacionar": "Tupachiy: sapanka siq'ipa letranta ñawpaqmanta qillqay.",
    },
}
